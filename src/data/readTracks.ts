// Streaming a track CSV from disk into unique, validated Tracks and a summary of what was read.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { ColumnMapping } from './columnMapping.ts';
import { describeColumnsUsed } from './columnsUsed.ts';
import type { ColumnsUsed } from './columnsUsed.ts';
import { ByteInspector } from './byteInspector.ts';
import type { ProgressListener } from './byteInspector.ts';
import { dataFileSize } from './dataFileSize.ts';
import { DataFileError } from './errors.ts';
import { toDataFileError } from './parseErrors.ts';
import { RecordReader } from './recordReader.ts';
import { DEFAULT_FEATURES } from './track.ts';
import type { AudioFeature, Track } from './track.ts';
import type { SkipTally, TrackCollector } from './trackCollector.ts';
import { tracksOf, type TrackTable } from './trackTable.ts';

export interface ReadTracksOptions {
  /** Features every row must carry, numeric and within FEATURE_SPECS; default DEFAULT_FEATURES. */
  features?: readonly AudioFeature[];
  /** Abort when more than this share of data rows is skipped; default 0.5. */
  maxBadRowShare?: number;
  /** Longest record accepted, in bytes; default 1,000,000. */
  maxLineBytes?: number;
  /** Columns to take for fields, over the names NextBeat recognises (e.g. title -> 'song'). */
  columns?: ColumnMapping;
  /** Called at most every 100 ms while reading, and once at the end. */
  onProgress?: ProgressListener;
}

export interface IngestSummary {
  file: string;
  /** Detected export format (columns.ts, SCHEMA_SIGNATURES) or 'generic'. */
  schema: string;
  /** Which header column each field and feature was taken from, and where ids came from. */
  columns: ColumnsUsed;
  /** Data rows, not counting the header or blank lines. */
  rowsRead: number;
  rowsSkipped: number;
  /** Skipped rows per reason, with up to 5 first (1-based, physical) line numbers. */
  skippedByReason: Record<string, SkipTally>;
  /** Valid rows merged into an earlier track with the same id. */
  duplicateRows: number;
  tracksWithSeveralGenres: number;
  uniqueTracks: number;
  sha256: string;
  bytes: number;
}

/** Read, validate and dedupe the tracks of a CSV file in any supported Spotify export schema. */
export async function readTracks(
  path: string,
  options: ReadTracksOptions = {},
): Promise<{ tracks: Track[]; summary: IngestSummary }> {
  const { table, summary } = await readTrackTable(path, options);
  return { tracks: tracksOf(table), summary };
}

/** readTracks for large files: the tracks as columns, never as one object per track. */
export async function readTrackTable(
  path: string,
  options: ReadTracksOptions = {},
): Promise<{ table: TrackTable; summary: IngestSummary }> {
  const features = options.features ?? DEFAULT_FEATURES;
  const maxBadRowShare = options.maxBadRowShare ?? 0.5;
  const maxLineBytes = options.maxLineBytes ?? 1_000_000;
  const inspector = new ByteInspector(path, await dataFileSize(path), options.onProgress);
  const reader = new RecordReader(path, features, () => inspector.invalidUtf8, options.columns);
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: maxLineBytes,
  });
  parser.on('data', (record: string[]) => {
    if (parser.destroyed) return;
    try {
      reader.handle(record);
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  try {
    await pipeline(createReadStream(path), inspector.inspect.bind(inspector), parser);
  } catch (error) {
    throw toDataFileError(error, { file: path, line: reader.nextLine, maxLineBytes });
  }
  if (inspector.invalidUtf8) {
    throw new DataFileError(path, 'is not valid UTF-8; re-save the file as UTF-8');
  }
  const { collector, layout } = reader;
  if (layout === undefined) throw new DataFileError(path, 'has no header row (only blank lines)');
  if (collector.rowsRead === 0) throw new DataFileError(path, 'has a header but no data rows');
  checkBadRowShare(path, collector, maxBadRowShare);
  const table = collector.table();
  const summary: IngestSummary = {
    file: path,
    schema: layout.schema,
    columns: describeColumnsUsed(layout),
    rowsRead: collector.rowsRead,
    rowsSkipped: collector.rowsSkipped,
    skippedByReason: collector.skippedByReason,
    duplicateRows: collector.duplicateRows,
    tracksWithSeveralGenres: countSeveralGenres(table),
    uniqueTracks: table.size,
    sha256: inspector.sha256(),
    bytes: inspector.bytes,
  };
  return { table, summary };
}

function countSeveralGenres({ size, genreOffsets }: TrackTable): number {
  let count = 0;
  for (let row = 0; row < size; row++) {
    if ((genreOffsets[row + 1] as number) - (genreOffsets[row] as number) > 1) count++;
  }
  return count;
}

function checkBadRowShare(file: string, collector: TrackCollector, maxShare: number): void {
  const { rowsRead, rowsSkipped } = collector;
  if (rowsSkipped / rowsRead <= maxShare) return;
  const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;
  const reasons = collector
    .topReasons()
    .slice(0, 3)
    .map(([reason, { count, firstLines }]) => {
      const more = count > firstLines.length ? ', ...' : '';
      return `${reason}: ${count} (line ${firstLines.join(', ')}${more})`;
    });
  throw new DataFileError(
    file,
    `${rowsSkipped} of ${rowsRead} data rows (${percent(rowsSkipped / rowsRead)}) are unusable, ` +
      `more than the ${percent(maxShare)} allowed (maxBadRowShare); top reasons: ${reasons.join('; ')}`,
  );
}
