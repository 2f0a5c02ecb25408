// The README's example replies, from the real bot: the compiled bot on a catalog trained from the
// data set, driven through the fake Discord; prints each command and its reply as Markdown, and
// with --images writes the charts it attached to that folder.
// Usage: npm run build && npx tsx scripts/example-replies.ts --data <csv> [--images docs/images/examples]
//          [--db <trained.sqlite> --models <its models folder>: a copy of the database is used]
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { APIMessage } from 'discord.js';
import type { FakeDiscord, RecordedCallback } from '../tests/fakeDiscord/index.ts';
import { runEntry } from '../tests/helpers/runEntry.ts';
import { startBenchBot } from './bench/startedBot.ts';
import { replyText, type ReplyBody } from './examples/replyText.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    images: { type: 'string' },
    db: { type: 'string' },
    models: { type: 'string' },
  },
});
if (!values.data) throw new Error('--data <spotify_tracks.csv> is required');
const images = values.images;
if (images) mkdirSync(images, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-examples-'));
const paths = {
  NEXTBEAT_DATA: values.data,
  NEXTBEAT_DB: join(dir, 'nextbeat.sqlite'),
  NEXTBEAT_MODELS: values.models ?? join(dir, 'models'),
};
if (values.db) copyFileSync(values.db, paths.NEXTBEAT_DB);
else {
  const train = runEntry('src/cli/train.ts', [], paths);
  if ((await train.exited) !== 0) throw new Error(`training failed:\n${train.output()}`);
}
const { discord, stop } = await startBenchBot(paths);
const LISTENER = '1400000000000000777';

type Payload = Parameters<FakeDiscord['sendInteraction']>[0];
interface Shown {
  callback: RecordedCallback;
  message: APIMessage | undefined;
}

/** Sends one interaction, waits for its answer (and its chart, if one comes), prints both. */
async function show(heading: string, payload: Payload, image?: string): Promise<Shown> {
  const reply = await discord.sendInteraction(payload);
  const callback = await reply.callback;
  // Deferred (5, 6): the answer is the first edit. A chart arrives in a later edit.
  if (callback.type === 5 || callback.type === 6) await reply.waitForEdit(undefined, 30_000);
  const chart = image
    ? await reply.waitForEdit((e) => e.files.length > 0, 30_000).catch(() => undefined)
    : undefined;
  const message = reply.message();
  const body = (message ?? callback.data) as ReplyBody | undefined;
  const files = message?.attachments?.map((a) => a.filename) ?? callback.files.map((f) => f.name);
  console.log(`### ${heading}\n\n${replyText(body, files)}\n`);
  const png = chart?.files[0];
  if (images && image && png) {
    writeFileSync(join(images, `${image}.png`), png.data);
    console.log(
      `(chart: ${join(images, `${image}.png`)}, ${Math.round(png.data.length / 1024)} KB)\n`,
    );
  }
  return { callback, message };
}

/** The custom id of the first button or menu whose id starts with `prefix:`. */
function controlId(message: APIMessage | undefined, prefix: string): string {
  for (const row of message?.components ?? [])
    for (const c of 'components' in row ? row.components : [])
      if ('custom_id' in c && c.custom_id.startsWith(`${prefix}:`)) return c.custom_id;
  throw new Error(`no ${prefix}: control in the reply`);
}

/** From the "Rate these" menu: a like of one listed track and a "not for me" of another. */
function likeAndDislike(message: APIMessage | undefined): string[] {
  const values: string[] = [];
  for (const row of message?.components ?? [])
    for (const c of 'components' in row ? row.components : [])
      if ('custom_id' in c && c.custom_id.startsWith('rate:') && 'options' in c)
        values.push(...c.options.map((o) => o.value));
  const like = values.find((v) => v.startsWith('l:'));
  const dislike = values.find((v) => v.startsWith('d:') && v.slice(2) !== like?.slice(2));
  if (!like || !dislike) throw new Error(`no like and dislike options in ${values.join(', ')}`);
  return [like, dislike];
}

const b = discord.build;
const user = { userId: LISTENER };
const one = await show(
  '/recommend song: shape of you',
  b.chatInput({ name: 'recommend', ...user, options: { song: 'shape of you' } }),
  'recommend-one-seed',
);
await show(
  '/recommend song: shape of you song2: bohemian rhapsody song3: blinding lights count: 6',
  b.chatInput({
    name: 'recommend',
    options: {
      song: 'shape of you',
      song2: 'bohemian rhapsody',
      song3: 'blinding lights',
      count: 6,
    },
  }),
  'recommend-three-seeds',
);
await show(
  '/recommend song: believer limits: tempo 120-130, energy > 0.8, speechiness < 0.2',
  b.chatInput({
    name: 'recommend',
    options: { song: 'believer', limits: 'tempo 120-130, energy > 0.8, speechiness < 0.2' },
  }),
  'recommend-limits',
);
await show(
  '/similar-vibe energy: 0.8 danceability: 0.7 limits: tempo 120-130, speechiness < 0.1',
  b.chatInput({
    name: 'similar-vibe',
    options: { energy: 0.8, danceability: 0.7, limits: 'tempo 120-130, speechiness < 0.1' },
  }),
  'vibe-limits',
);
await show(
  '/similar-vibe energy: 0.8 limits: tempo fast (a limit it cannot read)',
  b.chatInput({ name: 'similar-vibe', options: { energy: 0.8, limits: 'tempo fast' } }),
);
await show(
  '/journey from: shape of you to: bohemian rhapsody stops: 8',
  b.chatInput({
    name: 'journey',
    options: { from: 'shape of you', to: 'bohemian rhapsody', stops: 8 },
  }),
  'journey',
);
const rate = { customId: controlId(one.message, 'rate'), message: one.message! };
await show(
  '"Rate these" on the first list: one like, one "not for me"',
  b.select({ ...rate, ...user, values: likeAndDislike(one.message) }),
);
await show('/for-you', b.chatInput({ name: 'for-you', ...user }));
const before = discord.directMessages.to(LISTENER).length;
await show(
  '"Send me a playlist" on the first list',
  b.button({ customId: controlId(one.message, 'take'), message: one.message!, ...user }),
);
const dm = discord.directMessages.to(LISTENER)[before];
if (!dm) throw new Error('no playlist DM came');
const file = dm.files[0];
const uris = file?.data.toString('utf8').split('\n').filter(Boolean) ?? [];
console.log(
  `### The playlist DM (its first 5 links)\n\n${replyText(
    { ...(dm.body as ReplyBody), embeds: (dm.body as ReplyBody).embeds?.slice(0, 1) },
    dm.files.map((f) => f.name),
    5,
  )}\n`,
);
console.log(
  `${file?.name}: ${uris.length} lines, starting\n\n\`\`\`\n${uris.slice(0, 3).join('\n')}\n...\n\`\`\`\n`,
);
const asked = await show('/forget-me', b.chatInput({ name: 'forget-me', ...user }));
await show(
  '/forget-me, "Delete everything" pressed',
  b.button({ customId: controlId(asked.message, 'forget'), message: asked.message!, ...user }),
);
await stop();
rmSync(dir, { recursive: true, force: true });
