// Damages a catalog snapshot file the ways a disk, a copy or a hand can: each returns nothing and
// edits the file in place, keeping its size unless the damage is a cut.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';

interface Section {
  type: string;
  at: number;
  count: number;
}

const align = (offset: number) => (offset + 7) & ~7;

// The byte range of array `name` in the snapshot `bytes` (see core/catalog/binaryPack.ts).
function section(bytes: Buffer, name: string): { start: number; end: number; entry: Section } {
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as {
    arrays: Record<string, [string, number, number]>;
  };
  const [type, at, count] = header.arrays[name] ?? [];
  if (type === undefined || at === undefined || count === undefined) {
    throw new Error(`no array ${name} in the snapshot`);
  }
  const start = align(8 + headerLength) + at;
  const size = type === 'Float32Array' || type === 'Int32Array' ? 4 : type === 'Int16Array' ? 2 : 1;
  return { start, end: start + count * size, entry: { type, at, count } };
}

function edit(path: string, change: (bytes: Buffer) => void): void {
  const bytes = readFileSync(path);
  change(bytes);
  writeFileSync(path, bytes);
}

/** Rotates the latent vectors by one track: every track gets its neighbour's vector. */
export function shuffleVectors(path: string, latentDim = 3): void {
  edit(path, (bytes) => {
    const { start, end } = section(bytes, 'vectors');
    const rowBytes = 4 * latentDim;
    const rotated = Buffer.concat([bytes.subarray(end - rowBytes, end), bytes.subarray(start, end - rowBytes)]);
    rotated.copy(bytes, start);
  });
}

/** Moves every k-d tree box far away, so searches prune every node. */
export function damageTree(path: string): void {
  edit(path, (bytes) => {
    for (const name of ['treeBoxMin', 'treeBoxMax']) {
      const { start, end } = section(bytes, name);
      for (let at = start; at < end; at += 4) bytes.writeFloatLE(1e30, at);
    }
  });
}

/** Overwrites part of the JSON header with noise of the same length. */
export function garbleHeader(path: string): void {
  edit(path, (bytes) => bytes.write('#'.repeat(16), 20, 'latin1'));
}

/** Puts NaN in every vector value. */
export function nanVectors(path: string): void {
  edit(path, (bytes) => {
    const { start, end } = section(bytes, 'vectors');
    for (let at = start; at < end; at += 4) bytes.writeFloatLE(Number.NaN, at);
  });
}

/** Cuts the file to half its length. */
export function truncateHalf(path: string): void {
  truncateSync(path, Math.floor(readFileSync(path).length / 2));
}

/** Every damage above, by name. */
export const SNAPSHOT_DAMAGES: [string, (path: string) => void][] = [
  ['shuffled vectors', (path) => shuffleVectors(path)],
  ['a damaged k-d tree', damageTree],
  ['a garbled header', garbleHeader],
  ['NaN vectors', nanVectors],
  ['a truncated file', truncateHalf],
];
