// readTracks on broken files: each failure is a DataFileError naming the file and, when known, the line.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data/errors.ts';
import { readTracks } from '../../src/data/readTracks.ts';
import { TRACKS_HEADER, tracksRow, useTempDir } from './tempFiles.ts';

const files = useTempDir();

/** The DataFileError readTracks rejects with (fails the test when it resolves or throws something else). */
async function failureOf(path: string, options = {}): Promise<DataFileError> {
  const error: unknown = await readTracks(path, options).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DataFileError);
  return error as DataFileError;
}

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

describe('readTracks: unreadable files', () => {
  it('GIVEN no file at the path WHEN read THEN says file not found', async () => {
    const error = await failureOf('/nonexistent/dir/tracks.csv');
    expect(error.message).toMatch(/^\/nonexistent\/dir\/tracks\.csv: file not found/);
  });

  it('GIVEN a 0-byte file WHEN read THEN says there are no data rows', async () => {
    const path = await files.write('empty.csv', '');
    expect((await failureOf(path)).message).toBe(`${path}: is empty (0 bytes): no data rows`);
  });

  it('GIVEN only a header WHEN read THEN says there are no data rows', async () => {
    const path = await files.write('header.csv', lines(TRACKS_HEADER));
    expect((await failureOf(path)).message).toBe(`${path}: has a header but no data rows`);
  });

  it('GIVEN random binary bytes WHEN read THEN says it is not CSV text, without a parser stack', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const path = await files.write('garbage.csv', garbage);
    const error = await failureOf(path);
    expect(error.message).toMatch(/NUL byte at byte \d+: this looks like a binary file, not CSV text/);
  });

  it('GIVEN a gzip file saved as .csv WHEN read THEN says to decompress it', async () => {
    const path = await files.write('tracks.csv', Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    expect((await failureOf(path)).message).toMatch(/gzip-compressed; decompress it first/);
  });

  it('GIVEN Latin-1 bytes in a title WHEN read THEN names the line and asks for UTF-8', async () => {
    const body = lines(TRACKS_HEADER, tracksRow('a1'), tracksRow('a2', { track_name: 'Caf\u00e9' }));
    const path = await files.write('latin1.csv', Buffer.from(body, 'latin1'));
    const error = await failureOf(path);
    expect(error.line).toBe(3);
    expect(error.column).toBe(4);
    expect(error.message).toMatch(/line 3, field 4: is not valid UTF-8 .*re-save the file as UTF-8/);
  });
});

describe('readTracks: not a file', () => {
  it('GIVEN a pipe (as --data <(cat file.csv) gives) WHEN read THEN says it is a pipe, not that it is empty', async () => {
    const path = await files.write('placeholder', '');
    const pipe = `${path}.pipe`;
    execFileSync('mkfifo', [pipe]);
    const error = await failureOf(pipe);
    expect(error.message).toMatch(/\.pipe: is a pipe or a device \(like <\(cat tracks\.csv\)\), not a file/);
    expect(error.message).not.toContain('empty');
  });
});

describe('readTracks: bad headers', () => {
  it('GIVEN required columns are missing WHEN read THEN lists every missing one with aliases and the columns found', async () => {
    const path = await files.write('missing.csv', lines('id,name,tempo', '1,a,120'));
    const error = await failureOf(path);
    expect(error.line).toBe(1);
    expect(error.message).toContain(
      'missing required column(s) artists (or artist_name, artist, artist_names, track_artist, ...)',
    );
    expect(error.message).toContain('danceability, energy, loudness');
    expect(error.message).not.toMatch(/missing[^;]*tempo/);
    expect(error.message).toMatch(/; found columns: id, name, tempo; map other names with --columns/);
  });

  it('GIVEN a semicolon-separated file WHEN read THEN says NextBeat reads comma-separated files', async () => {
    const path = await files.write('semi.csv', lines(TRACKS_HEADER.replaceAll(',', ';'), 'x;y'));
    expect((await failureOf(path)).message).toContain(
      "looks like ';'-separated; NextBeat reads comma-separated files",
    );
  });

  it('GIVEN a column name twice WHEN read THEN names it and where', async () => {
    const path = await files.write('dup.csv', lines(`${TRACKS_HEADER},Energy `, `${tracksRow('a1')},0.4`));
    expect((await failureOf(path)).message).toContain('duplicated column name(s) energy (fields 9, 21)');
  });
});

describe('readTracks: bad rows', () => {
  it('GIVEN 1 good row in 100 WHEN read THEN aborts giving counts, share and reasons with first lines', async () => {
    const bad = Array.from({ length: 99 }, (_, i) => tracksRow(`b${i}`, { energy: 'loud' }));
    const path = await files.write('mostly-bad.csv', lines(TRACKS_HEADER, tracksRow('good'), ...bad));
    const error = await failureOf(path);
    expect(error.message).toContain('99 of 100 data rows (99%) are unusable, more than the 50% allowed');
    expect(error.message).toContain('non-numeric energy: 99 (line 3, 4, 5, 6, 7, ...)');
  });

  it('GIVEN NaN, Infinity and a negative tempo WHEN read THEN those rows are skipped by reason', async () => {
    const path = await files.write(
      'values.csv',
      lines(
        TRACKS_HEADER,
        tracksRow('ok1'),
        tracksRow('nan', { valence: 'NaN' }),
        tracksRow('inf', { loudness: '-Infinity' }),
        tracksRow('neg', { tempo: '-1' }),
        tracksRow('ok2'),
        tracksRow('ok3'),
        tracksRow('ok4'),
      ),
    );
    const { tracks, summary } = await readTracks(path);
    expect(tracks.map((track) => track.id)).toEqual(['ok1', 'ok2', 'ok3', 'ok4']);
    expect(summary.skippedByReason).toEqual({
      'non-numeric valence': { count: 1, firstLines: [3] },
      'non-numeric loudness': { count: 1, firstLines: [4] },
      'tempo out of range [0, 300]': { count: 1, firstLines: [5] },
    });
  });

  it('GIVEN a bad value in a feature that was not requested WHEN read THEN the row is kept with null there', async () => {
    const path = await files.write('key.csv', lines(TRACKS_HEADER, tracksRow('a1', { key: 'C#', popularity: 'hot' })));
    const { tracks } = await readTracks(path);
    expect(tracks[0]?.features.key).toBeNull();
    expect(tracks[0]?.popularity).toBeNull();
  });

  it('GIVEN a requested feature out of range WHEN read with that feature THEN the row is skipped', async () => {
    const path = await files.write(
      'key.csv',
      lines(TRACKS_HEADER, tracksRow('a1'), tracksRow('a2', { key: '12' }), tracksRow('a3')),
    );
    const { summary } = await readTracks(path, { features: ['key'] });
    expect(summary.skippedByReason).toEqual({ 'key out of range [-1, 11]': { count: 1, firstLines: [3] } });
  });

  it('GIVEN empty title, empty artists and a short row WHEN read THEN each is skipped with its own reason', async () => {
    const path = await files.write(
      'holes.csv',
      lines(
        TRACKS_HEADER,
        tracksRow('a1'),
        tracksRow('a2', { track_name: '  ' }),
        tracksRow('a3', { artists: '' }),
        'a4,Someone,Album',
        tracksRow('a5'),
        tracksRow('a6'),
        tracksRow('a7'),
      ),
    );
    const { summary } = await readTracks(path);
    expect(summary.skippedByReason).toEqual({
      'missing title': { count: 1, firstLines: [3] },
      'missing artists': { count: 1, firstLines: [4] },
      'expected 20 fields, found 3': { count: 1, firstLines: [5] },
    });
  });
});

describe('readTracks: malformed CSV', () => {
  it('GIVEN a final line cut inside a quoted field WHEN read THEN names the line where that record starts', async () => {
    const good = Array.from({ length: 3000 }, (_, i) => tracksRow(`g${i}`));
    const cut = 'cut1,Artist,"Album, Deluxe';
    const path = await files.write('cut.csv', `${lines(TRACKS_HEADER, ...good)}${cut}`);
    const error = await failureOf(path);
    expect(error.line).toBe(3002);
    expect(error.message).toContain('line 3002');
    expect(error.message).toContain('never closed');
  });

  it('GIVEN a record longer than maxLineBytes WHEN read THEN names its line', async () => {
    const long = tracksRow('long', { album_name: 'x'.repeat(5000) });
    const path = await files.write('long.csv', lines(TRACKS_HEADER, tracksRow('a1'), long, tracksRow('a3')));
    const error = await failureOf(path, { maxLineBytes: 1000 });
    expect(error.line).toBe(3);
    expect(error.message).toContain('longer than 1000 bytes (maxLineBytes)');
  });

  it('GIVEN a stray quote in an unquoted field WHEN read THEN reports a CSV error with its line', async () => {
    const path = await files.write(
      'quote.csv',
      lines(TRACKS_HEADER, tracksRow('a1'), tracksRow('a2', { track_name: 'The "Best" Song' })),
    );
    const error = await failureOf(path);
    expect(error.line).toBe(3);
    expect(error.message).toContain('a quote appears inside an unquoted field');
  });
});

describe('readTracks: progress', () => {
  it('GIVEN an onProgress callback WHEN read THEN it ends with every byte read', async () => {
    const path = await files.write('p.csv', lines(TRACKS_HEADER, tracksRow('a1')));
    const calls: [number, number][] = [];
    const { summary } = await readTracks(path, { onProgress: (read, total) => calls.push([read, total]) });
    expect(calls.at(-1)).toEqual([summary.bytes, summary.bytes]);
  });
});
