// Collecting parsed rows into unique tracks: merging genres of repeated ids and tallying skipped rows.
import type { Track } from './track.ts';

const FIRST_LINES_KEPT = 5;

/** How many rows were skipped for one reason, and the first few lines where it happened. */
export interface SkipTally {
  count: number;
  firstLines: number[];
}

/** Unique tracks by id (first row wins, genres merged) plus counts of skipped and repeated rows. */
export class TrackCollector {
  readonly skippedByReason: Record<string, SkipTally> = {};
  rowsRead = 0;
  rowsSkipped = 0;
  duplicateRows = 0;
  private readonly byId = new Map<string, Track>();

  /** Record a valid row; a later row with a known id only adds its new genres. */
  add(track: Track): void {
    this.rowsRead += 1;
    const earlier = this.byId.get(track.id);
    if (earlier === undefined) {
      this.byId.set(track.id, track);
      return;
    }
    this.duplicateRows += 1;
    for (const genre of track.genres) {
      if (!earlier.genres.includes(genre)) earlier.genres.push(genre);
    }
  }

  /** Record a row that was not used, why, and on which line it starts. */
  skip(reason: string, line: number): void {
    this.rowsRead += 1;
    this.rowsSkipped += 1;
    const tally = (this.skippedByReason[reason] ??= { count: 0, firstLines: [] });
    tally.count += 1;
    if (tally.firstLines.length < FIRST_LINES_KEPT) tally.firstLines.push(line);
  }

  /** The unique tracks in order of first appearance. */
  tracks(): Track[] {
    return [...this.byId.values()];
  }

  /** Reasons ordered by how many rows they skipped, most first. */
  topReasons(): [string, SkipTally][] {
    return Object.entries(this.skippedByReason).sort(([, a], [, b]) => b.count - a.count);
  }
}
