// Gateway sessions by shard: the latest identified session of each shard receives its events,
// kept in a log that a RESUME replays from, even while its client is away.

export interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

export interface Session {
  id: string;
  /** [shard id, shard count] it identified with. */
  shard: [number, number];
  seq: number;
  log: Dispatch[];
  resumable: boolean;
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(shardCount, 1)));
}

export class ShardSessions {
  readonly #byId = new Map<string, Session>();
  readonly #current = new Map<number, Session>();
  #counter = 0;
  /** The shard count of the latest IDENTIFY (1 before any). */
  shardCount = 1;

  /** Sessions ever opened. */
  get size(): number {
    return this.#byId.size;
  }

  /** A new session for an IDENTIFY; it becomes its shard's current one. */
  open(shard: [number, number]): Session {
    const session: Session = {
      id: `fake-session-${++this.#counter}`,
      shard,
      seq: 0,
      log: [],
      resumable: true,
    };
    this.#byId.set(session.id, session);
    this.#current.set(shard[0], session);
    this.shardCount = shard[1];
    return session;
  }

  /** The session a RESUME names, made its shard's current one; undefined when it is gone. */
  resume(sessionId: string): Session | undefined {
    const session = this.#byId.get(sessionId);
    if (!session?.resumable) return undefined;
    this.#current.set(session.shard[0], session);
    return session;
  }

  /** The session a shard's events go to. */
  current(shard: number): Session | undefined {
    return this.#current.get(shard);
  }
}

/** Promises that resolve together when woken, or reject after their own timeout. */
export class Waiters {
  #wakers: (() => void)[] = [];

  /** Resolves at the next wakeAll(); rejects with "fake Discord: <what>" after `timeoutMs`. */
  wait(timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake Discord: ${what} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#wakers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves every pending wait. */
  wakeAll(): void {
    for (const wake of this.#wakers.splice(0)) wake();
  }
}
