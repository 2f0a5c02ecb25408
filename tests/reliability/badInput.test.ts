// What a careless user or a malicious client can send: odd text, unknown ids, forged custom ids,
// options outside their declared ranges. Every case gets a polite reply or a valid autocomplete
// answer, and none reaches the "something went wrong" path.
import { ApplicationCommandOptionType as T } from 'discord.js';
import type { APIApplicationCommandInteractionDataBasicOption, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { choicesOf, isPoliteReply, logLines, validChoices } from './interactions.ts';
import { capturedOutput, placesWithToken } from './tokenScan.ts';

let t: TestBot;
let recommendMessage: APIMessage;
let vibeMessage: APIMessage;
beforeAll(async () => {
  t = await startTestBot();
  const first = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  await first.callback;
  recommendMessage = first.message()!;
  const vibe = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.8 } }),
  );
  await vibe.callback;
  vibeMessage = vibe.message()!;
});
afterAll(() => t?.close());

const TEXTS: [string, string][] = [
  ['empty', ''],
  ['spaces', '   '],
  ['6,000 characters', 'a'.repeat(6000)],
  ['emoji', '🎵🔥💃🏽👨‍👩‍👧'],
  ['right-to-left', 'שלום עולם مرحبا بالعالم'],
  ['zero-width', 'Shape\u200bof\u200dYou\ufeff'],
  ['control characters', '\u0000\u0007\u001b[31mred\r\n\t'],
  ['lone surrogate', 'abc\ud800def'],
  ['unknown track id', 'T999999999999999999999'],
  ['unknown Spotify link', 'https://open.spotify.com/track/0000000000000000000000'],
  ['markdown and mentions', '**@everyone** <@123> `x` [a](http://x)'],
  ['SQL', "'; DROP TABLE tracks; --"],
];

const opt = (name: string, type: T, value: unknown) =>
  ({ name, type, value }) as APIApplicationCommandInteractionDataBasicOption;
const song = opt('song', T.String, SHAPE_OF_YOU_IDS[0]);

const OUT_OF_RANGE: [string, string, APIApplicationCommandInteractionDataBasicOption[]][] = [
  ['count 0', 'recommend', [song, opt('count', T.Integer, 0)]],
  ['count 99', 'recommend', [song, opt('count', T.Integer, 99)]],
  ['count 2.5', 'recommend', [song, opt('count', T.Integer, 2.5)]],
  ['count as text', 'recommend', [song, opt('count', T.String, '5')]],
  ['no song', 'recommend', [opt('count', T.Integer, 5)]],
  ['a 300-character song', 'recommend', [opt('song', T.String, 'x'.repeat(300))]],
  ['an undeclared option', 'recommend', [song, opt('limit', T.Integer, 5)]],
  ['energy 5', 'similar-vibe', [opt('energy', T.Number, 5)]],
  ['tempo -10', 'similar-vibe', [opt('tempo', T.Number, -10)]],
  ['tempo 230 (beyond the slider)', 'similar-vibe', [opt('tempo', T.Number, 230)]],
  ['loudness +10 dB', 'similar-vibe', [opt('loudness', T.Number, 10)]],
  ['energy as text', 'similar-vibe', [opt('energy', T.String, 'high')]],
  ['vibe count 0', 'similar-vibe', [opt('energy', T.Number, 0.5), opt('count', T.Integer, 0)]],
  ['no slider at all', 'similar-vibe', []],
  [
    'an unknown genre',
    'similar-vibe',
    [opt('energy', T.Number, 0.5), opt('genre', T.String, 'zzz')],
  ],
  ['epochs 0 (non-admin)', 'retrain', [opt('epochs', T.Integer, 0)]],
];

const FORGED_BUTTONS = [
  '',
  'x',
  ':::::',
  'more',
  'more:1',
  'more:1:NOPE:0:5:0::',
  `more:1:${SHAPE_OF_YOU_IDS[0]}:-5:5:0::`,
  `more:1:${SHAPE_OF_YOU_IDS[0]}:0:99:0::`,
  `more:1:${SHAPE_OF_YOU_IDS[0]}:0:5:99::`, // flags hold 2 filter bits and a popularity mode 0-3: 99 is none of them
  `more:2:${SHAPE_OF_YOU_IDS[0]}:0:5:0::`,
  `more:1:${SHAPE_OF_YOU_IDS[0]}:0:5:0:nosuchgenre:`,
  'nudge:1:e+:5::e999',
  'nudge:1:z+:5::e50',
  'nudge:1:e*:5::e50',
  'nudge:1:t+:5::t-10',
  'nudge:1:e+:5:nosuchgenre:e50',
  'nudge:1:e+:0::e50',
  'nudge:1:e+:5::',
  'pick:1:5',
  'a'.repeat(100),
];

const FORGED_SELECTS: [string, string[]][] = [
  ['pick:1:5', ['nope']],
  ['pick:1:5', []],
  ['pick:1:500', [SHAPE_OF_YOU_IDS[1]]],
  ['pick:9:5', [SHAPE_OF_YOU_IDS[1]]],
  ['more:1:x:0:5:0::', [SHAPE_OF_YOU_IDS[1]]],
];

describe('bad input', () => {
  it.each(TEXTS)(
    'GIVEN %s typed WHEN autocompleting song and genre THEN valid choices come back',
    async (_name, text) => {
      for (const [name, focused] of [
        ['recommend', 'song'],
        ['recommend', 'genre'],
        ['similar-vibe', 'genre'],
      ] as const) {
        const reply = await t.discord.sendInteraction(
          t.discord.build.autocomplete({ name, focused, value: text }),
        );
        const callback = await reply.callback;
        expect(callback.type).toBe(8);
        expect(validChoices(choicesOf(callback))).toBe(true);
      }
    },
  );

  it.each(TEXTS)('GIVEN %s as the song WHEN /recommend THEN a polite reply', async (_n, text) => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: text } }),
    );
    expect(isPoliteReply(await reply.callback)).toBe(true);
  });

  it.each(OUT_OF_RANGE)(
    'GIVEN %s WHEN /%s runs THEN a polite private reply',
    async (_n, name, options) => {
      const reply = await t.discord.sendInteraction(t.discord.build.chatInput({ name, options }));
      const { data } = await reply.callback;
      expect(data?.flags).toBe(64);
      expect(data?.content).toMatch(
        /must be|at most|wrong type|has no|required|Set at least|genre|Only server administrators/,
      );
    },
  );

  it.each(FORGED_BUTTONS)(
    'GIVEN a forged button id %j WHEN pressed THEN a polite private reply',
    async (customId) => {
      const message = customId.startsWith('nudge') ? vibeMessage : recommendMessage;
      const reply = await t.discord.sendInteraction(t.discord.build.button({ customId, message }));
      const { data } = await reply.callback;
      expect(data?.flags).toBe(64);
      expect(data?.content).toMatch(/expired|not in the current model|genre|Run the command/);
    },
  );

  it.each(FORGED_SELECTS)(
    'GIVEN a forged menu %s with %j WHEN chosen THEN a polite private reply',
    async (customId, values) => {
      const reply = await t.discord.sendInteraction(
        t.discord.build.select({ customId, values, message: recommendMessage }),
      );
      const { data } = await reply.callback;
      expect(data?.flags).toBe(64);
      expect(data?.content?.length).toBeGreaterThan(0);
    },
  );

  it('GIVEN all of the above WHEN the logs are read THEN no error went past the user-facing path, nothing was answered twice, and no token leaked', () => {
    expect(logLines(t.logs(), /interaction failed|autocomplete failed/)).toEqual([]);
    expect(t.discord.acks.duplicates).toBe(0);
    expect(t.discord.unhandled).toEqual([]);
    expect(placesWithToken(t.discord.token, capturedOutput(t))).toEqual([]);
  });
});
