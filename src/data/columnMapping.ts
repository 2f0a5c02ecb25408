// An explicit column mapping ("title=song,artists=singer"): which header column to take for a field
// when the names NextBeat recognises do not fit the file.
import { TRACK_COLUMNS } from './columns.ts';
import type { MappableField, TrackColumn } from './columns.ts';
import { AUDIO_FEATURES, isAudioFeature } from './track.ts';

/** Field -> header name, as the person wrote them. */
export type ColumnMapping = ReadonlyMap<MappableField, string>;

/** The mapping text itself is malformed (before any file is looked at). */
export class ColumnMappingError extends Error {
  override name = 'ColumnMappingError';
}

/** Other spellings people write for a field; the canonical names are TRACK_COLUMNS. */
const FIELD_SYNONYMS: Record<string, TrackColumn> = {
  artist: 'artists',
  genre: 'genres',
  release_date: 'releaseDate',
  releasedate: 'releaseDate',
  date: 'releaseDate',
  name: 'title',
  track: 'title',
};

const FIELDS_HELP = `fields are ${TRACK_COLUMNS.join(', ')} and the audio features (${AUDIO_FEATURES.slice(0, 3).join(', ')}, ...)`;

/** Parse "field=column,field=column"; throws ColumnMappingError naming the entry that is wrong. */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping = new Map<MappableField, string>();
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new ColumnMappingError('no field=column pairs given (e.g. title=song,artists=singer)');
  }
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals === -1) {
      throw new ColumnMappingError(`'${entry}' is not field=column (e.g. title=song)`);
    }
    const field = toField(entry.slice(0, equals).trim());
    const column = entry.slice(equals + 1).trim();
    if (column === '') throw new ColumnMappingError(`'${entry}' names no column after '='`);
    if (mapping.has(field)) throw new ColumnMappingError(`${field} is mapped twice`);
    mapping.set(field, column);
  }
  return mapping;
}

/** The mapping written back as text, e.g. to pass it on to a training process. */
export function formatColumnMapping(mapping: ColumnMapping): string {
  return [...mapping].map(([field, column]) => `${field}=${column}`).join(',');
}

function toField(written: string): MappableField {
  const lower = written.toLowerCase();
  const canonical = TRACK_COLUMNS.find((field) => field.toLowerCase() === lower);
  const field = canonical ?? FIELD_SYNONYMS[lower] ?? (isAudioFeature(lower) ? lower : undefined);
  if (field === undefined) {
    const shown = written === '' ? "''" : `'${written}'`;
    throw new ColumnMappingError(`unknown field ${shown}; ${FIELDS_HELP}`);
  }
  return field;
}
