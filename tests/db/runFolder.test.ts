import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT } from '../../src/core/catalog/index.ts';
import {
  createRunId,
  missingRunFiles,
  partialPath,
  requiredRunFiles,
  runFolder,
  runFolderPaths,
} from '../../src/db/runFolder.ts';
import { fillRunFolder, makeTempDir } from './fixtures.ts';

describe('a run folder', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const tempDir = () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    return temp.dir;
  };

  it('GIVEN a time WHEN a run id is made THEN it is the UTC second plus a random suffix, sortable and path-safe', () => {
    const at = new Date('2026-11-25T14:30:00.999Z');
    const [a, b] = [createRunId(at), createRunId(at)];
    expect(a).toMatch(/^2026-11-25T14-30-00-[0-9a-f]{6}$/);
    expect(a).not.toBe(b);
    expect(createRunId(new Date('2026-11-25T14:30:01Z')) > a).toBe(true);
  });

  it('GIVEN a models folder and a run id WHEN the folder is named THEN it is absolute, with the parts inside it', () => {
    const dir = runFolder('models', 'run-1');
    expect(dir).toBe(join(process.cwd(), 'models', 'run-1'));
    const paths = runFolderPaths(dir);
    expect(Object.values(paths).map((path) => relative(dir, path))).toEqual([
      '',
      'encoder',
      'decoder',
      'scaler.json',
      `catalog-v${SNAPSHOT_FORMAT}.bin`,
    ]);
    expect(partialPath(dir)).toBe(`${dir}.partial`);
  });

  it('GIVEN every required file WHEN checked THEN nothing is missing; the snapshot is not required', () => {
    const dir = tempDir();
    fillRunFolder(dir);
    expect(requiredRunFiles(dir).map((path) => relative(dir, path))).toEqual([
      join('encoder', 'model.json'),
      join('encoder', 'weights.bin'),
      join('decoder', 'model.json'),
      join('decoder', 'weights.bin'),
      'scaler.json',
    ]);
    expect(missingRunFiles(dir)).toEqual([]);
  });

  it('GIVEN a folder that lost its decoder weights and scaler WHEN checked THEN exactly those are missing', () => {
    const dir = tempDir();
    fillRunFolder(dir);
    rmSync(join(dir, 'decoder', 'weights.bin'));
    rmSync(runFolderPaths(dir).scaler);
    expect(missingRunFiles(dir)).toEqual([join(dir, 'decoder', 'weights.bin'), join(dir, 'scaler.json')]);
  });
});
