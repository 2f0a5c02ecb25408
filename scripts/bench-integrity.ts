// What proving integrity costs at start-up: SQLite's quick_check of the whole database, the
// sha256 of the active run's catalog snapshot and model files, and loading the catalog with and
// without the snapshot's check. Prints JSON with medians over the runs.
// Usage: npx tsx scripts/bench-integrity.ts [--db db/nextbeat.sqlite] [--runs 5] [--check-only]
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkModelFiles } from '../src/bot/modelFilesCheck.ts';
import { loadActiveCatalog } from '../src/db/activeCatalog.ts';
import { checkDatabaseIntegrity } from '../src/db/integrity.ts';
import { openDatabase } from '../src/db/open.ts';
import { digestFile } from '../src/db/runFiles.ts';
import { runFolderPaths } from '../src/db/runFolder.ts';
import { getActiveRun } from '../src/db/runs.ts';
import { medianOf } from './bench/timing.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, runs: { type: 'string' }, 'check-only': { type: 'boolean' } },
});
const runs = Number(values.runs ?? 5);
const path = values.db ?? 'db/nextbeat.sqlite';

const db = openDatabase(path);
const run = getActiveRun(db);
if (!run) throw new Error(`No active run in ${path}: train first.`);
const snapshot = runFolderPaths(run.modelDir).snapshot;
// Median wall and CPU time of `work` over the runs, in milliseconds (the machine may be shared:
// CPU time is what the work itself spent).
function median(work: () => unknown): { wallMs: number; cpuMs: number } {
  const times: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    work();
    const used = process.cpuUsage(cpu);
    times.push({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  const { wallMs = Number.NaN, cpuMs = Number.NaN } = medianOf(times);
  return { wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs) };
}

const sizes = {
  tracks: db.prepare('SELECT count(*) FROM tracks').pluck().get(),
  databaseMb: Number((statSync(path).size / 2 ** 20).toFixed(1)),
  snapshotMb: Number((statSync(snapshot).size / 2 ** 20).toFixed(1)),
  runs,
};
const quickCheck = median(() => checkDatabaseIntegrity(db, path));
if (values['check-only']) {
  console.log(JSON.stringify({ ...sizes, quickCheck }));
} else {
  const snapshotDigest = median(() => digestFile(snapshot));
  const modelFiles = median(() => checkModelFiles(db, run));
  const load = median(() => loadActiveCatalog(db));
  // The same load with no digest on record: the format checks alone.
  const recorded = db.prepare('SELECT * FROM run_files WHERE run_id = ?').all(run.id);
  db.prepare('DELETE FROM run_files WHERE run_id = ?').run(run.id);
  const loadUnchecked = median(() => loadActiveCatalog(db));
  const insert = db.prepare(
    'INSERT INTO run_files (run_id, file, bytes, sha256) VALUES (@run_id, @file, @bytes, @sha256)',
  );
  for (const row of recorded) insert.run(row);
  console.log(
    JSON.stringify({ ...sizes, quickCheck, snapshotDigest, modelFiles, load, loadUnchecked }),
  );
}
db.close();
