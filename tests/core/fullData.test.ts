// Title search and de-duplication on the real 114,000-row data set (set NEXTBEAT_FULL_DATA to run).
// Vectors: NOT the trained model's. A fixed linear projection of the scaled features
// (syntheticCatalog.ts sourceFromTracks) keeps this fast and deterministic; these tests check the
// search and de-duplication logic, which must hold whatever the vectors are.
import { beforeAll, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { normalizeText } from '../../src/core/titles/normalizeText.ts';
import { recommendFromTrack } from '../../src/core/queries/recommend.ts';
import { searchTitles } from '../../src/core/queries/titleSearch.ts';
import { readTracks } from '../../src/data/readTracks.ts';
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
