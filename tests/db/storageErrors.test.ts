// Failures while saving, reworded: a disk that fills up during training is named, not a raw ENOSPC stack.
import { describe, expect, it } from 'vitest';
import { explainStorageFailure, StorageCheckError } from '../../src/db/storageErrors.ts';

const fsError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: raw message, open '${path}'`), { code, path });

describe('explainStorageFailure', () => {
  it('GIVEN ENOSPC while writing a model file WHEN explained THEN says the disk is full and names the file', () => {
    const explained = explainStorageFailure(fsError('ENOSPC', '/m/run/catalog.bin'), '/d/nextbeat.sqlite');

    expect(explained).toBeInstanceOf(StorageCheckError);
    expect((explained as Error).message).toMatch(
      /^The disk holding \/m\/run\/catalog\.bin is full \(no space left on the device\), so the models cannot be saved/,
    );
  });

  it('GIVEN SQLITE_FULL while publishing WHEN explained THEN names the database and says the previous model serves', () => {
    const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

    expect((explainStorageFailure(sqliteFull, '/d/nextbeat.sqlite') as Error).message).toBe(
      'The disk holding the database /d/nextbeat.sqlite is full (SQLite could not grow it), so the run was not published; the previous model keeps serving. Free some space, then train again.',
    );
  });

  it('GIVEN an unrelated error WHEN explained THEN it is returned unchanged', () => {
    const other = new TypeError('boom');
    expect(explainStorageFailure(other, '/d/nextbeat.sqlite')).toBe(other);
  });
});
