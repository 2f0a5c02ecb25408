// Handling parsed CSV records in file order: line numbers, the header, then rows into the collector.
import type { ColumnLayout } from './columnLayout.ts';
import type { ColumnMapping } from './columnMapping.ts';
import { DataFileError } from './errors.ts';
import { readHeader } from './header.ts';
import { createRowParser } from './rowParser.ts';
import type { RowParser } from './rowParser.ts';
import type { AudioFeature } from './track.ts';
import { TrackCollector } from './trackCollector.ts';

/** Feeds records, in order, to the header check and then to row validation and dedupe. */
export class RecordReader {
  readonly collector = new TrackCollector();
  layout: ColumnLayout | undefined;
  /** Physical line (1-based) where the next record starts; quoted newlines advance it. */
  nextLine = 1;
  private parseRow: RowParser | undefined;

  constructor(
    private readonly file: string,
    private readonly features: readonly AudioFeature[],
    private readonly utf8Suspect: () => boolean,
    private readonly mapping?: ColumnMapping,
  ) {}

  /** Take the next record of the file; throws DataFileError for a bad header or invalid UTF-8. */
  handle(record: string[]): void {
    const line = this.nextLine;
    this.nextLine += 1 + countNewlines(record);
    if (this.utf8Suspect()) this.rejectReplacementCharacters(record, line);
    if (record.length === 1 && record[0]?.trim() === '') return;
    if (this.parseRow === undefined) {
      this.layout = readHeader(record, this.features, this.file, line, this.mapping);
      this.parseRow = createRowParser(this.layout, this.features);
      return;
    }
    const result = this.parseRow(record);
    if (typeof result === 'string') this.collector.skip(result, line);
    else this.collector.add(result, line);
  }

  private rejectReplacementCharacters(record: string[], line: number): void {
    const index = record.findIndex((field) => field.includes('\uFFFD'));
    if (index === -1) return;
    throw new DataFileError(
      this.file,
      'is not valid UTF-8 here (Latin-1 or Windows-1252 perhaps); re-save the file as UTF-8',
      { line, column: index + 1 },
    );
  }
}

function countNewlines(record: string[]): number {
  let count = 0;
  for (const field of record) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}
