// A run's snapshot is written part by part: the file must be exactly the packed catalog, and the
// digest recorded for it must be the file's own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import {
  encodeCatalogSnapshot,
  encodeCatalogSnapshotParts,
} from '../../src/core/catalog/catalogSnapshot.ts';
import { digestFile } from '../../src/db/runFiles.ts';
import { runFolderPaths } from '../../src/db/runFolder.ts';
import { writeRunSnapshot } from '../../src/db/runSnapshots.ts';
import { makeSyntheticTracks, sourceFromTracks } from '../core/syntheticCatalog.ts';

describe('writeRunSnapshot', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('GIVEN a catalog WHEN its snapshot is written in parts THEN the file is the packed catalog and the digest is the file’s', () => {
    // GIVEN a catalog of a few hundred tracks (strings, typed arrays and odd-sized sections)
    const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(300, 5)));
    const parts = encodeCatalogSnapshotParts(catalog.columns, catalog.indexes);
    const modelDir = mkdtempSync(join(tmpdir(), 'nextbeat-snapshot-'));
    dirs.push(modelDir);
    // WHEN it is written part by part
    const digest = writeRunSnapshot(modelDir, parts);
    // THEN the file holds exactly the bytes of the whole pack, and the digest matches the file
    const path = runFolderPaths(modelDir).snapshot;
    const whole = encodeCatalogSnapshot(catalog.columns, catalog.indexes);
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.compare(readFileSync(path), Buffer.from(whole))).toBe(0);
    expect(digest).toEqual(digestFile(path));
  });
});
