// Header checks at sizes people do not expect: one name repeated 80,000 times, many duplicated names.
import { describe, expect, it } from 'vitest';
import { headerKey } from '../../src/data/columns.ts';
import { DataFileError } from '../../src/data/errors.ts';
import { readHeader } from '../../src/data/header.ts';
import { readTracks } from '../../src/data/readTracks.ts';
import { DEFAULT_FEATURES } from '../../src/data/track.ts';
import { useTempDir } from './tempFiles.ts';

const files = useTempDir();

describe('header checks', () => {
  it('GIVEN a header with one name 80,000 times WHEN read THEN refused with a short message giving the count', async () => {
    const header = Array.from({ length: 80_000 }, () => 'x').join(',');
    const path = await files.write('wide.csv', `${header}\n${header}\n`);

    const error = await readTracks(path).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DataFileError);
    const message = (error as Error).message;
    expect(message).toContain("x appears 80000 times (fields 1, 2, 3 and 79997 more)");
    expect(message.length - path.length).toBeLessThan(200);
  });

  it('GIVEN 1,000 different names each twice WHEN checked THEN five are named and the rest counted', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    const cells = [...names, ...names];

    const error = (() => {
      try {
        readHeader(cells, DEFAULT_FEATURES, 'f.csv', 1);
      } catch (e) {
        return e as Error;
      }
    })();

    expect(error?.message).toBe(
      'f.csv, line 1: duplicated column name(s) c0 (fields 1, 1001); c1 (fields 2, 1002); c2 (fields 3, 1003); ' +
        'c3 (fields 4, 1004); c4 (fields 5, 1005) and 995 more names',
    );
  });

  it('GIVEN 5,000 unknown columns WHEN a required one is missing THEN the found columns are a dozen and a count', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => `extra_${i}`);

    expect(() => readHeader(cells, DEFAULT_FEATURES, 'f.csv', 1)).toThrow(
      /found columns: extra_0, .*, extra_11 and 4988 more; map other names/,
    );
  });

  it('GIVEN names as exports write them WHEN keyed THEN case, spaces, punctuation and camelCase do not matter', () => {
    expect(headerKey(' Artist Name(s) ')).toBe('artist_name_s');
    expect(headerKey('Duration (ms)')).toBe('duration_ms');
    expect(headerKey('durationMs')).toBe('duration_ms');
    expect(headerKey('external_urls.spotify')).toBe('external_urls_spotify');
    expect(headerKey('Track URI')).toBe('track_uri');
    expect(headerKey('Unnamed: 0')).toBeUndefined();
    expect(headerKey('  ')).toBeUndefined();
  });
});
