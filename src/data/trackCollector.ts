// Collecting parsed rows into unique tracks: merging genres of repeated ids and tallying skipped rows.
import type { Track } from './track.ts';
import { ARTIST_SEPARATOR, type TrackTable } from './trackTable.ts';
import { TrackTableBuilder } from './trackTableBuilder.ts';

const FIRST_LINES_KEPT = 5;

/** How many rows were skipped for one reason, and the first few lines where it happened. */
export interface SkipTally {
  count: number;
  firstLines: number[];
}

/**
 * Unique tracks by id (first row wins, genres merged) plus counts of skipped and repeated rows.
 * Tracks go straight into a columnar TrackTable: no Track object outlives its row.
 */
export class TrackCollector {
  readonly skippedByReason: Record<string, SkipTally> = {};
  rowsRead = 0;
  rowsSkipped = 0;
  duplicateRows = 0;
  private readonly rowOfId = new Map<string, number>();
  private readonly builder = new TrackTableBuilder();

  /** Record a valid row starting at `line`; a later row with a known id only adds its new genres. */
  add(track: Track, line = 0): void {
    // The table joins artist names with this separator, so a name holding it cannot be stored.
    if (track.artists.some((artist) => artist.includes(ARTIST_SEPARATOR))) {
      this.skip('artist name holds the control character U+001F', line);
      return;
    }
    this.rowsRead += 1;
    const earlier = this.rowOfId.get(track.id);
    if (earlier === undefined) {
      this.rowOfId.set(track.id, this.builder.append(track));
      return;
    }
    this.duplicateRows += 1;
    this.builder.addGenres(earlier, track.genres);
  }

  /** Record a row that was not used, why, and on which line it starts. */
  skip(reason: string, line: number): void {
    this.rowsRead += 1;
    this.rowsSkipped += 1;
    const tally = (this.skippedByReason[reason] ??= { count: 0, firstLines: [] });
    tally.count += 1;
    if (tally.firstLines.length < FIRST_LINES_KEPT) tally.firstLines.push(line);
  }

  /** The unique tracks in order of first appearance; call once, when every row is in. */
  table(): TrackTable {
    this.rowOfId.clear();
    return this.builder.build();
  }

  /** Reasons ordered by how many rows they skipped, most first. */
  topReasons(): [string, SkipTally][] {
    return Object.entries(this.skippedByReason).sort(([, a], [, b]) => b.count - a.count);
  }
}
