// Listeners' feedback for the memory benchmark: ratings and lists stored straight into the
// database before the bot starts (as months of use would leave them), and the reader of a
// reply's "Rate these" menu.
import type { APIMessage } from 'discord.js';
import { ListChains } from '../../src/db/listChains.ts';
import { ListenerRatings } from '../../src/db/listenerRatings.ts';
import { openDatabase } from '../../src/db/open.ts';

/** The Discord id of bench listener `k`. */
export function listenerId(k: number): string {
  return String(1600000000000000000n + BigInt(k));
}

/** Stores `ratings` ratings (a third of them dislikes) and two lists for each of `listeners` listeners. */
export function storeListenerFeedback(dbPath: string, listeners: number, ratings: number) {
  const db = openDatabase(dbPath);
  const trackIds = db.prepare('SELECT id FROM tracks').pluck().all() as string[];
  const store = new ListenerRatings(db);
  const chains = new ListChains(db);
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = () => trackIds[Math.floor(random() * trackIds.length)] as string;
  const started = Date.now();
  db.transaction(() => {
    for (let k = 0; k < listeners; k++) {
      const userId = listenerId(k);
      for (let r = 0; r < ratings; r++) {
        store.rate(
          userId,
          pick(),
          r % 3 === 0 ? 'dislike' : 'like',
          started - (ratings - r) * 60_000,
        );
      }
      for (let c = 0; c < 2; c++) {
        const state = {
          kind: 'recommend',
          seeds: [pick(), pick()],
          count: 5,
          sameGenre: false,
          noExplicit: false,
          genre: '',
          excludeArtist: '',
          popularity: 'balanced',
          forYou: false,
          private: false,
        };
        chains.create(userId, JSON.stringify(state), Array.from({ length: 10 }, pick), started);
      }
    }
  })();
  const counts = {
    listeners,
    ratings: db.prepare('SELECT count(*) FROM listener_ratings').pluck().get() as number,
    chains: db.prepare('SELECT count(*) FROM list_chains').pluck().get() as number,
    seconds: +((Date.now() - started) / 1000).toFixed(1),
  };
  db.close();
  return counts;
}

/** The "Rate these" menu of a reply: its custom id and the first option's value. */
export function rateMenuOf(message: APIMessage): { id: string; first: string } | undefined {
  for (const row of message.components ?? []) {
    for (const c of 'components' in row ? row.components : []) {
      if ('custom_id' in c && c.custom_id.startsWith('rate:') && 'options' in c) {
        const first = c.options?.[0]?.value;
        if (first) return { id: c.custom_id, first };
      }
    }
  }
  return undefined;
}
