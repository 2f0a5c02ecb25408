// Stored list chains: a list reply's state and the tracks it has shown, under a short random id
// that its buttons carry (a custom id holds 100 characters; five seeds and a history do not fit).
import { randomBytes } from 'node:crypto';
import type { Database } from './open.ts';

/** One chain as stored; `state` is the bot's JSON, read back by the bot. */
export interface StoredChain {
  id: string;
  userId: string;
  state: string;
  /** Track ids shown so far, in order. */
  shown: string[];
  createdAt: number;
  usedAt: number;
}

/** 8 characters of base64url: 48 random bits, so guessing another listener's chain is hopeless. */
export const CHAIN_ID_PATTERN = /^[A-Za-z0-9_-]{8}$/;

/** Reads and writes the list_chains table; one instance per connection. */
export class ListChains {
  readonly #insert;
  readonly #get;
  readonly #update;
  readonly #prune;
  readonly #count;

  constructor(db: Database) {
    this.#insert = db.prepare(
      `INSERT INTO list_chains (id, user_id, state, shown, created_at, used_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.#get = db
      .prepare('SELECT id, user_id, state, shown, created_at, used_at FROM list_chains WHERE id = ?')
      .raw();
    this.#update = db.prepare('UPDATE list_chains SET shown = ?, used_at = ? WHERE id = ?');
    this.#prune = db.prepare('DELETE FROM list_chains WHERE used_at < ?');
    this.#count = db.prepare('SELECT count(*) FROM list_chains WHERE user_id = ?').pluck();
  }

  /** Stores a new chain and returns its id. */
  create(userId: string, state: string, shown: readonly string[], at = Date.now()): string {
    for (;;) {
      const id = randomBytes(6).toString('base64url');
      // A clash (one in 2^48 per pair) just draws again.
      if (this.#insert.run(id, userId, state, shown.join(','), at, at).changes === 1) return id;
    }
  }

  /** The chain with this id, or undefined (never stored, pruned, or forgotten). */
  get(id: string): StoredChain | undefined {
    if (!CHAIN_ID_PATTERN.test(id)) return undefined;
    const row = this.#get.get(id) as [string, string, string, string, number, number] | undefined;
    if (!row) return undefined;
    const [chainId, userId, state, shown, createdAt, usedAt] = row;
    return { id: chainId, userId, state, shown: shown ? shown.split(',') : [], createdAt, usedAt };
  }

  /** Replaces the tracks a chain has shown and marks it used now. */
  setShown(id: string, shown: readonly string[], at = Date.now()): void {
    this.#update.run(shown.join(','), at, id);
  }

  /** How many chains this listener started (and are still kept). */
  countOf(userId: string): number {
    return this.#count.get(userId) as number;
  }

  /** Deletes chains last used before `before` (ms since 1970); returns how many. */
  pruneUnusedSince(before: number): number {
    return this.#prune.run(before).changes;
  }
}
