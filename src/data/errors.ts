// Errors about a data file that a person can act on: they name the file, and the line when known.

export interface DataFileErrorPlace {
  /** 1-based physical line of the file (the header is line 1). */
  line?: number;
  /** 1-based field number within the record. */
  column?: number;
}

/** A data file cannot be ingested; the message names the file, and the line and column when known. */
export class DataFileError extends Error {
  override name = 'DataFileError';
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, detail: string, place: DataFileErrorPlace = {}) {
    super(`${file}${describePlace(place)}: ${detail}`);
    this.file = file;
    this.line = place.line;
    this.column = place.column;
  }
}

function describePlace({ line, column }: DataFileErrorPlace): string {
  if (line === undefined) return '';
  return column === undefined ? `, line ${line}` : `, line ${line}, field ${column}`;
}
