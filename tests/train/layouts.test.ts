// Training end to end on each invented export layout, recognised by name alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadActiveCatalogRows } from '../../src/db/catalogRows.ts';
import { openDatabase } from '../../src/db/open.ts';
import { DEFAULT_TRAINING } from '../../src/train/defaults.ts';
import { formatSummary } from '../../src/train/formatSummary.ts';
import { runTraining } from '../../src/train/pipeline.ts';
import { FIXTURES } from '../data/tempFiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-layouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LAYOUTS: [string, RegExp][] = [
  ['spotify-songs-30000.csv', /artists from 'track_artist'.*genres from 'playlist_genre'/],
  ['exportify.csv', /id from 'Track URI', title from 'Track Name'/],
  ['spotify-api-dump.csv', /id from 'uri'/],
  ['spotify-youtube.csv', /id from 'Uri', title from 'Track'/],
  ['camel-case-links.csv', /id from 'spotifyUrl'/],
  ['no-ids.csv', /id derived from title and artists/],
];

describe('training on common export layouts by name alone', () => {
  it.each(LAYOUTS)(
    'GIVEN %s WHEN trained THEN its tracks serve and the summary says which column fed which field',
    async (name, columnsLine) => {
      const dbPath = join(dir, `${name}.sqlite`);
      const summary = await runTraining(
        {
          ...DEFAULT_TRAINING,
          epochs: 2,
          dataPath: join(FIXTURES, 'layouts', name),
          datasetUrl: undefined,
          dbPath,
          modelsDir: join(dir, `${name}-models`),
          backend: 'auto',
        },
        () => {},
      );

      expect(summary.tracksStored).toBe(6);
      expect(formatSummary(summary)).toMatch(columnsLine);
      const db = openDatabase(dbPath, { readonly: true });
      const served = loadActiveCatalogRows(db);
      db.close();
      expect(served?.tracks.map((t) => t.title)).toContain('Midnight Tram');
    },
    30_000,
  );
});
