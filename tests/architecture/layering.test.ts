// Keeps the house plan of docs/architecture.md true: no import cycles, core pure, rooms closed.
import { describe, expect, it } from 'vitest';
import { importCycles, importEdges } from './importGraph.ts';

const edges = importEdges();
const roomOf = (file: string): string | undefined => /^core\/([^/]+)\//.exec(file)?.[1];

/** Packages core must never load: Discord, TensorFlow, SQLite, the file system, processes. */
const HEAVY =
  /^(discord\.js|@discordjs\/|@tensorflow\/|better-sqlite3|@napi-rs\/|node:(fs|child_process|worker_threads|net|http|https))/;

describe('the layering of src/', () => {
  it('has no import cycle, counting type-only imports', () => {
    // GIVEN every import of src/ WHEN grouped into strongly connected parts THEN none is a cycle
    expect(importCycles(edges)).toEqual([]);
  });

  it('keeps core free of Discord, TensorFlow, SQLite and the file system', () => {
    const heavy = edges.filter((e) => e.from.startsWith('core/') && e.external && HEAVY.test(e.to));
    expect(heavy.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('lets core import only core and the data layer’s plain track types', () => {
    const outward = edges.filter(
      (e) =>
        e.from.startsWith('core/') &&
        !e.external &&
        !e.to.startsWith('core/') &&
        e.to !== 'data/track.ts',
    );
    expect(outward.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('reaches a core room from outside only through its index', () => {
    const intruding = edges.filter((e) => {
      const room = roomOf(e.to);
      return room !== undefined && roomOf(e.from) !== room && !e.to.endsWith('/index.ts');
    });
    expect(intruding.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });
});
