// Mapping a header's column keys onto Track fields and audio features: an explicit mapping first,
// then the names NextBeat recognises, then any genre-like column.
import { COLUMN_ALIASES, REQUIRED_COLUMNS, SCHEMA_SIGNATURES, TRACK_COLUMNS } from './columns.ts';
import { describeAliases, headerKey, isGenreLike } from './columns.ts';
import type { MappableField, TrackColumn } from './columns.ts';
import type { ColumnMapping } from './columnMapping.ts';
import { AUDIO_FEATURES, isAudioFeature } from './track.ts';
import type { AudioFeature } from './track.ts';

/** Where each known field sits in a record of this file, and which header cell it came from. */
export interface ColumnLayout {
  schema: string;
  fieldCount: number;
  fields: Partial<Record<TrackColumn, number>>;
  features: Partial<Record<AudioFeature, number>>;
  /** The header cell (trimmed, as written) each used field or feature was taken from. */
  sources: Partial<Record<MappableField, string>>;
  /** Artists are joined by ',' (Exportify's 'Artist Name(s)'), not by ';' or as a list string. */
  artistsCommaSeparated: boolean;
}

/** Exports known to join several artists with a bare ','. */
const COMMA_SEPARATED_ARTISTS = new Set(['artist_name_s']);

/** Why no layout: required fields absent, or mapped columns the header lacks ("title=song"). */
export type LayoutProblem = { missing: string[] } | { unmatched: string[] };

/** Map the header onto fields; `keys` are headerKey(cell) of each cell, without duplicates. */
export function mapColumns(
  cells: readonly string[],
  keys: readonly (string | undefined)[],
  requiredFeatures: readonly AudioFeature[],
  mapping: ColumnMapping = new Map(),
): ColumnLayout | LayoutProblem {
  const position = new Map<string, number>();
  keys.forEach((key, index) => key !== undefined && position.set(key, index));
  const chosen = new Map<MappableField, number>();
  const unmatched: string[] = [];
  for (const [field, column] of mapping) {
    const index = position.get(headerKey(column) ?? '');
    if (index === undefined) unmatched.push(`${field}=${column}`);
    else chosen.set(field, index);
  }
  if (unmatched.length > 0) return { unmatched };
  const taken = new Set(chosen.values());
  const free = (key: string): boolean => position.has(key) && !taken.has(position.get(key)!);
  for (const field of TRACK_COLUMNS) {
    if (chosen.has(field)) continue;
    const alias = COLUMN_ALIASES[field].find(free);
    if (alias !== undefined) chosen.set(field, position.get(alias)!);
  }
  if (!chosen.has('genres')) {
    const genreLike = keys.findIndex((key) => key !== undefined && isGenreLike(key));
    if (genreLike !== -1 && !taken.has(genreLike)) chosen.set('genres', genreLike);
  }
  for (const feature of AUDIO_FEATURES) {
    if (!chosen.has(feature) && free(feature)) chosen.set(feature, position.get(feature)!);
  }
  const missing = [
    ...REQUIRED_COLUMNS.filter((field) => !chosen.has(field)).map(describeAliases),
    ...requiredFeatures.filter((feature) => !chosen.has(feature)),
  ];
  if (missing.length > 0) return { missing };
  return toLayout(cells, chosen, position);
}

function toLayout(
  cells: readonly string[],
  chosen: ReadonlyMap<MappableField, number>,
  position: ReadonlyMap<string, number>,
): ColumnLayout {
  const layout: ColumnLayout = {
    schema: 'generic',
    fieldCount: cells.length,
    fields: {},
    features: {},
    sources: {},
    artistsCommaSeparated: false,
  };
  for (const [field, index] of chosen) {
    if (isAudioFeature(field)) layout.features[field] = index;
    else layout.fields[field] = index;
    layout.sources[field] = (cells[index] ?? '').trim();
  }
  const artistsKey = headerKey(layout.sources.artists ?? '') ?? '';
  layout.artistsCommaSeparated = COMMA_SEPARATED_ARTISTS.has(artistsKey);
  const schema = SCHEMA_SIGNATURES.find((s) => s.columns.every((c) => position.has(c)));
  if (schema) layout.schema = schema.name;
  return layout;
}
