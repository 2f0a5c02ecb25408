// Writes the 1.2M-row training benchmark file: the real data set 11 times over, every copy after
// the first with new track ids (suffix _1.._A) and its audio features jittered slightly, so each
// copy holds distinct tracks. Seeded: the same input gives the same file. Write it under /tmp,
// never into the repository.
// Usage: npx tsx scripts/big-training-csv.ts --data /work/shared/data/spotify_tracks.csv --out /tmp/big.csv [--copies 11]
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { mulberry32 } from '../src/ml/seededShuffle.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, out: { type: 'string' }, copies: { type: 'string' } },
});
if (!values.data || !values.out) {
  throw new Error('Usage: big-training-csv.ts --data <tracks.csv> --out <file under /tmp>');
}
const copies = Number(values.copies ?? 11);
const SUFFIXES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UNIT_FEATURES = [
  'danceability',
  'energy',
  'speechiness',
  'acousticness',
  'liveness',
  'valence',
];

const rows: string[][] = [];
for await (const record of createReadStream(values.data).pipe(
  parse({ relax_column_count: true }),
)) {
  rows.push(record as string[]);
}
const header = rows.shift() as string[];
const column = (name: string): number => header.indexOf(name);
const unitColumns = UNIT_FEATURES.map(column);
const [idColumn, tempoColumn, loudnessColumn] = ['track_id', 'tempo', 'loudness'].map(column);
const random = mulberry32(12345);
const quote = (field: string): string =>
  /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
// Adds `delta` to a numeric field, leaving empty or non-numeric fields as they are.
const jitter = (row: string[], at: number, change: (v: number) => number, digits: number) => {
  const v = Number(row[at]);
  if (row[at] !== '' && Number.isFinite(v)) row[at] = change(v).toFixed(digits);
};

const out = createWriteStream(values.out);
out.write(`${header.map(quote).join(',')}\n`);
for (let copy = 0; copy < copies; copy++) {
  let buffer = '';
  for (const source of rows) {
    const row = source.slice();
    if (copy > 0) {
      if (row[idColumn as number]) row[idColumn as number] += `_${SUFFIXES[copy % 36]}`;
      for (const at of unitColumns) {
        jitter(row, at, (v) => Math.min(1, Math.max(0, v + (random() - 0.5) * 0.01)), 4);
      }
      jitter(row, tempoColumn as number, (v) => v * (1 + (random() - 0.5) * 0.01), 3);
      jitter(row, loudnessColumn as number, (v) => v + (random() - 0.5) * 0.2, 3);
    }
    buffer += `${row.map(quote).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
}
out.end();
await once(out, 'finish');
console.log(`${values.out}: ${rows.length * copies} rows (${copies} copies of ${values.data})`);
