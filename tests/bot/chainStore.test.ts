// The chain store under the buttons: a state read back as written, shown tracks appended, and
// chains unused for 30 days pruned when a new chain starts.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import {
  CHAIN_LIFETIME_DAYS,
  ExpiredChainError,
  loadChain,
  recordShown,
  startChain,
} from '../../src/bot/lists/chains.ts';
import type { RecommendListState } from '../../src/bot/lists/listState.ts';

const DAY = 24 * 60 * 60 * 1000;
const STATE: RecommendListState = {
  kind: 'recommend',
  seeds: ['a', 'b'],
  count: 5,
  sameGenre: true,
  noExplicit: false,
  genre: 'pop',
  excludeArtist: 'x, y',
  popularity: 'deep-cuts',
  forYou: false,
  private: false,
};

describe('list chains in SQLite', () => {
  it('GIVEN a started chain WHEN loaded and added to THEN its state and history read back in order', () => {
    const db = openDatabase(':memory:');
    const chain = startChain(db, '1', STATE, ['t1', 't2']);
    expect(chain.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    recordShown(db, loadChain(db, chain.id), ['t3']);
    expect(loadChain(db, chain.id)).toEqual({ ...chain, shown: ['t1', 't2', 't3'] });
    db.close();
  });

  it(`GIVEN chains last used ${CHAIN_LIFETIME_DAYS + 1} and ${CHAIN_LIFETIME_DAYS - 1} days ago WHEN a chain starts THEN only the older one is pruned`, () => {
    const db = openDatabase(':memory:');
    const now = Date.now();
    const old = startChain(db, '1', STATE, [], now - (CHAIN_LIFETIME_DAYS + 1) * DAY);
    const recent = startChain(db, '1', STATE, [], now - (CHAIN_LIFETIME_DAYS - 1) * DAY);
    startChain(db, '2', STATE, [], now);
    expect(() => loadChain(db, old.id)).toThrow(ExpiredChainError);
    expect(loadChain(db, recent.id).id).toBe(recent.id);
    db.close();
  });

  it('GIVEN a stored state this version cannot read WHEN loaded THEN it reads as an expired button', () => {
    const db = openDatabase(':memory:');
    const chain = startChain(db, '1', STATE, []);
    db.prepare(
      'UPDATE list_chains SET state = \'{"kind":"journey-v9","count":5}\' WHERE id = ?',
    ).run(chain.id);
    expect(() => loadChain(db, chain.id)).toThrow(/expired/);
    db.close();
  });
});
