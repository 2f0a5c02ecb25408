// Title search and de-duplication on the real 114,000-row data set (set NEXTBEAT_FULL_DATA to run).
// Vectors: NOT the trained model's. A fixed linear projection of the scaled features
// (syntheticCatalog.ts sourceFromTracks) keeps this fast and deterministic; these tests check the
// search and de-duplication logic, which must hold whatever the vectors are.
import { beforeAll, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { baseTitleOf } from '../../src/core/titles/baseTitle.ts';
import { normalizeText } from '../../src/core/titles/normalizeText.ts';
import { recommendFromTrack } from '../../src/core/queries/recommend.ts';
import { resolveTrack } from '../../src/core/queries/resolveTrack.ts';
import { searchTitles } from '../../src/core/queries/titleSearch.ts';
import { readTracks } from '../../src/data/readTracks.ts';
import { canonicalVersionRate } from '../../src/eval/canonicalVersions.ts';
import { describeFullData } from '../helpers/fullData.ts';
import { seededRandom, sourceFromTracks } from './syntheticCatalog.ts';

describeFullData('the catalog on the full Spotify Tracks Dataset', (path) => {
  let catalog: TrackCatalog;
  beforeAll(async () => {
    const { tracks } = await readTracks(path);
    catalog = new TrackCatalog(sourceFromTracks(tracks));
  }, 60_000);

  it('GIVEN "shape of you" typed right or with typos WHEN searched THEN Ed Sheeran’s song is first', () => {
    for (const query of ['shape of you', 'shap of yuo', 'Shape Of You']) {
      const [first] = searchTitles(catalog, query);
      expect(first?.label, query).toBe('Shape of You - Ed Sheeran');
    }
  });

  it('GIVEN five songs whose popular release carries a suffix WHEN typed THEN each resolves to its most popular version', () => {
    const songs: [string, string][] = [
      ['Bohemian Rhapsody', 'Queen'],
      ['Uptown Funk', 'Mark Ronson'],
      ['Levitating', 'Dua Lipa'],
      ['Unholy', 'Sam Smith'],
      ['Hey Jude', 'The Beatles'],
    ];
    for (const [typed, artist] of songs) {
      // The most popular track whose title, release suffixes set aside, is what was typed.
      let best = -1;
      for (let i = 0; i < catalog.size; i++) {
        const base = normalizeText(baseTitleOf(catalog.columns.titles.at(i) as string));
        const popularity = catalog.popularity[i] as number;
        if (base === normalizeText(typed) && (best < 0 || popularity > catalog.popularity[best]!))
          best = i;
      }
      const { index, track } = resolveTrack(catalog, typed);
      expect(catalog.popularity[index], typed).toBe(catalog.popularity[best]);
      expect(track.artists[0], typed).toBe(artist);
    }
  });

  it('GIVEN the 300 most popular titles in several versions WHEN each is typed THEN at least 98% resolve to the most popular version', () => {
    const report = canonicalVersionRate(catalog, { titles: 300 });
    expect(report.titles).toBe(300);
    expect(report.rate, JSON.stringify(report.failures, null, 1)).toBeGreaterThanOrEqual(0.98);
  });

  it('GIVEN 2,000 random tracks WHEN recommending THEN no list holds the query song or one song twice', () => {
    const random = seededRandom(2024);
    const plainKey = (i: number): string =>
      `${normalizeText(catalog.columns.titles.at(i) as string)}|${catalog.artistKeys.at(catalog.artistIds[i] as number)}`;
    let checked = 0;
    for (let n = 0; n < 2000; n++) {
      const query = Math.floor(random() * catalog.size);
      const options = n % 2 === 0 ? {} : { count: 10, maxPerArtist: 3 };
      const results = recommendFromTrack(catalog, query, options);
      const songs = results.map((r) => catalog.songIds[r.index]);
      const keys = results.map((r) => plainKey(r.index));
      expect(songs).not.toContain(catalog.songIds[query]);
      expect(keys).not.toContain(plainKey(query));
      expect(new Set(songs).size).toBe(songs.length);
      expect(new Set(keys).size).toBe(keys.length);
      checked += results.length;
    }
    expect(checked).toBeGreaterThan(2000 * 5);
  });
});
