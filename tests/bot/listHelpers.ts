// Readers of list replies for the listener tests: links, components by custom-id prefix, rows.
import type { APIMessage } from 'discord.js';
import type { RecordedCallback } from '../fakeDiscord/index.ts';
import type { TestBot } from './botHarness.ts';
import type { Database } from '../../src/db/open.ts';

export interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  options?: { label: string; value: string; description?: string }[];
  max_values?: number;
}

type Body = { components?: unknown[]; embeds?: { description?: string; title?: string }[] };

/** Track ids linked in a text, in order. */
export const trackLinks = (text: string | undefined): string[] =>
  [...(text ?? '').matchAll(/open\.spotify\.com\/track\/(\w+)/g)].map((m) => m[1] as string);

/** Every component of a message or callback body. */
export function componentsOf(body: Body | APIMessage | undefined): Component[] {
  return ((body?.components ?? []) as { components?: Component[] }[]).flatMap(
    (row) => row.components ?? [],
  );
}

/** The component whose custom id starts with `prefix:`; throws when there is none. */
export function componentWith(body: Body | APIMessage | undefined, prefix: string): Component {
  const found = componentsOf(body).find((c) => c.custom_id?.startsWith(`${prefix}:`));
  if (!found) throw new Error(`no ${prefix}: component in ${JSON.stringify(body?.components)}`);
  return found;
}

/** The track ids listed in the first embed of a reply. */
export const listedIds = (body: Body | APIMessage | undefined): string[] =>
  trackLinks(body?.embeds?.[0]?.description);

/** Sends /recommend with these options as `userId` and waits for its callback. */
export async function recommend(
  t: TestBot,
  options: Record<string, string | number | boolean>,
  userId?: string,
): Promise<{ callback: RecordedCallback; message: APIMessage }> {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options, ...(userId ? { userId } : {}) }),
  );
  const callback = await reply.callback;
  return { callback, message: reply.message() as APIMessage };
}

/** Presses a button on a message as `userId`; resolves with the callback and the reply. */
export async function press(t: TestBot, message: APIMessage, customId: string, userId?: string) {
  const reply = await t.discord.sendInteraction(
    t.discord.build.button({ customId, message, ...(userId ? { userId } : {}) }),
  );
  return { callback: await reply.callback, reply };
}

/** Chooses menu values on a message as `userId`. */
export async function choose(
  t: TestBot,
  message: APIMessage,
  customId: string,
  values: string[],
  userId?: string,
) {
  const reply = await t.discord.sendInteraction(
    t.discord.build.select({ customId, values, message, ...(userId ? { userId } : {}) }),
  );
  return { callback: await reply.callback, reply };
}

/** Rows of every table that hold this text in any column (a listener's trace in the database). */
export function rowsMentioning(db: Database, text: string): { table: string; rows: number }[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return tables.flatMap((table) => {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const where = columns.map((c) => `instr(CAST("${c}" AS TEXT), ?) > 0`).join(' OR ');
    const rows = db
      .prepare(`SELECT count(*) FROM "${table}" WHERE ${where}`)
      .pluck()
      .get(...columns.map(() => text)) as number;
    return rows > 0 ? [{ table, rows }] : [];
  });
}
