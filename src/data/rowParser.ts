// Validating one CSV record against a column layout and turning it into a Track, or a reason to skip it.
import type { ColumnLayout } from './columnLayout.ts';
import type { TrackColumn } from './columns.ts';
import { parseExplicit, parseCommaList, parseNameList, parseNumber, parsePopularity, parseYear } from './fieldValues.ts';
import { AUDIO_FEATURES, FEATURE_SPECS } from './track.ts';
import { derivedTrackId, trackIdFromCell } from './trackIds.ts';
import type { AudioFeature, FeatureValues, Track } from './track.ts';

/** Turns a record into a Track, or returns why the row is skipped (e.g. 'non-numeric energy'). */
export type RowParser = (record: readonly string[]) => Track | string;

interface FeatureColumn {
  feature: AudioFeature;
  index: number;
  min: number;
  max: number;
  required: boolean;
}

/** Build a parser for records of this layout; `required` features must be present and in range. */
export function createRowParser(
  layout: ColumnLayout,
  required: readonly AudioFeature[],
): RowParser {
  const featureColumns: FeatureColumn[] = [];
  for (const feature of AUDIO_FEATURES) {
    const index = layout.features[feature];
    if (index === undefined) continue;
    const { min, max } = FEATURE_SPECS[feature];
    featureColumns.push({ feature, index, min, max, required: required.includes(feature) });
  }
  const at = (field: TrackColumn): number => layout.fields[field] ?? -1;
  const idSource = `'${layout.sources.id ?? 'id'}'`;
  const [idAt, titleAt, artistsAt, albumAt, genresAt] = [at('id'), at('title'), at('artists'), at('album'), at('genres')];
  const [popularityAt, explicitAt, yearAt, releaseAt] = [at('popularity'), at('explicit'), at('year'), at('releaseDate')];

  return (record) => {
    if (record.length !== layout.fieldCount) {
      return `expected ${layout.fieldCount} fields, found ${record.length}`;
    }
    const title = cell(record, titleAt);
    if (title === '') return 'missing title';
    const artistsText = cell(record, artistsAt);
    const artists = layout.artistsCommaSeparated
      ? parseCommaList(artistsText)
      : parseNameList(artistsText);
    if (artists.length === 0) return 'missing artists';
    const id = idAt === -1 ? derivedTrackId(title, artists) : trackIdFromCell(cell(record, idAt));
    if (id === '') return 'missing id';
    if (id === null) return `${idSource} holds a link that is not a Spotify track`;

    const features = emptyFeatures();
    for (const { feature, index, min, max, required: isRequired } of featureColumns) {
      const value = parseNumber(cell(record, index));
      if (value === null) {
        if (isRequired) return `non-numeric ${feature}`;
      } else if (value < min || value > max) {
        if (isRequired) return `${feature} out of range [${min}, ${max}]`;
      } else {
        features[feature] = value;
      }
    }
    const genre = cell(record, genresAt);
    return {
      id,
      title,
      artists,
      album: cell(record, albumAt),
      genres: parseCommaList(genre),
      popularity: parsePopularity(cell(record, popularityAt)),
      explicit: parseExplicit(cell(record, explicitAt)),
      year: parseYear(cell(record, yearAt)) ?? parseYear(cell(record, releaseAt)),
      features,
    };
  };
}

/** The trimmed text at `index`, or '' when the file has no such column. */
function cell(record: readonly string[], index: number): string {
  return index === -1 ? '' : (record[index] ?? '').trim();
}

function emptyFeatures(): FeatureValues {
  // A literal rather than a loop: every track then shares one object shape, which keeps 100k of them cheap.
  return {
    danceability: null,
    energy: null,
    key: null,
    loudness: null,
    mode: null,
    speechiness: null,
    acousticness: null,
    instrumentalness: null,
    liveness: null,
    valence: null,
    tempo: null,
    duration_ms: null,
    time_signature: null,
  };
}
