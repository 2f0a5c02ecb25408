// The columnar track table: what goes in as Track objects comes back out unchanged.
import { describe, expect, it } from 'vitest';
import { TrackCollector } from '../../src/data/trackCollector.ts';
import { tracksOf } from '../../src/data/trackTable.ts';
import { tableFromTracks } from '../../src/data/trackTableBuilder.ts';
import { sortedLastRowPerId } from '../../src/db/idOrder.ts';
import { makeTrack } from '../db/fixtures.ts';

describe('TrackTable', () => {
  it('GIVEN tracks with missing values WHEN put in a table and read back THEN they are equal', () => {
    const tracks = [
      makeTrack(1, { genres: ['pop', 'rock'] }),
      makeTrack(2, { popularity: null, explicit: null, year: null, genres: [] }),
      makeTrack(3, { artists: ['A', 'B'], album: '' }),
    ];
    // 1,200 rows make the columns grow several times past their first size
    const many = Array.from({ length: 1200 }, (_, i) => makeTrack(i + 10));
    expect(tracksOf(tableFromTracks([...tracks, ...many]))).toEqual([...tracks, ...many]);
  });

  it('GIVEN repeated ids WHEN collected THEN the first row wins, genres merge, and a separator in a name skips the row', () => {
    const collector = new TrackCollector();
    collector.add(makeTrack(1, { genres: ['pop'] }), 2);
    collector.add(makeTrack(1, { title: 'Other', genres: ['rock', 'pop'] }), 3);
    collector.add(makeTrack(2, { artists: ['A\u001fB'] }), 4);
    const [only, ...rest] = tracksOf(collector.table());
    expect(rest).toEqual([]);
    expect(only?.genres).toEqual(['pop', 'rock']);
    expect(only?.title).toBe(makeTrack(1).title);
    expect(collector.skippedByReason).toEqual({
      'artist name holds the control character U+001F': { count: 1, firstLines: [4] },
    });
  });

  it('GIVEN ids with repeats WHEN ordered for publishing THEN sorted, the last row of each id kept', () => {
    expect(Array.from(sortedLastRowPerId(['b', 'a', 'c', 'a']))).toEqual([3, 0, 2]);
  });
});
