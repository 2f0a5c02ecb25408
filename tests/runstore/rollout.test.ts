// Two HTTP-mode replicas sharing a run store, each with its own database and models folder, each
// answering its own (fake) Discord: a /retrain on one reaches both through the pointer, a second
// /retrain anywhere is refused while it runs, and a tampered run is refused with the old one serving.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPointer } from '../../src/runstore/pointer.ts';
import { storeLayout } from '../../src/runstore/storeLayout.ts';
import { ADMIN_ID, startTestBot, type TestBot } from '../bot/botHarness.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { waitUntil } from '../reliability/waitUntil.ts';
import { publishSmallRun, publishTamperedRun, syntheticDataFile, tempDir } from './storeHelpers.ts';

let store: string;
let dataPath: string;
let firstRun: string;
const replicas: TestBot[] = [];

const startReplica = (name: string) => {
  const dir = tempDir(`replica-${name}`);
  const paths = {
    dir,
    dataPath,
    dbPath: join(dir, 'db', 'nextbeat.sqlite'),
    modelsDir: join(dir, 'models'),
  };
  return startTestBot(
    { NEXTBEAT_MODE: 'http', NEXTBEAT_RUN_STORE: store, NEXTBEAT_REPLICA_NAME: name },
    paths,
  );
};

beforeAll(async () => {
  store = tempDir('store');
  dataPath = syntheticDataFile();
  firstRun = (await publishSmallRun(store, dataPath)).runId;
  replicas.push(await startReplica('replica-a'), await startReplica('replica-b'));
}, 120_000);
afterAll(async () => {
  for (const replica of replicas) await replica.close();
});

const served = () => replicas.map((r) => r.bot.context.model.run.id);
const recommendCount = async (replica: TestBot) => {
  const reply = await replica.discord.sendInteraction(
    replica.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  const description = (await reply.callback).data?.embeds?.[0]?.description ?? '';
  return description.match(/open\.spotify\.com\/track/g)?.length ?? 0;
};
const retrain = (replica: TestBot) =>
  replica.discord.sendInteraction(
    replica.discord.build.chatInput({
      name: 'retrain',
      userId: ADMIN_ID,
      admin: true,
      options: { epochs: 2 },
    }),
  );

describe('rolling a run out to two replicas through the run store', () => {
  it("GIVEN two replicas started on empty databases WHEN ready THEN both serve the store's run, without training their own", async () => {
    expect(served()).toEqual([firstRun, firstRun]);
    for (const replica of replicas) expect(await recommendCount(replica)).toBe(5);
  });

  it('GIVEN a /retrain on replica A WHEN a second /retrain reaches replica B meanwhile THEN B refuses it naming A, and both serve the new run soon after the pointer flips', async () => {
    const [a, b] = replicas as [TestBot, TestBot];
    const servedAt: (number | undefined)[] = [undefined, undefined];
    const noteSwaps = () =>
      served().forEach((run, k) => {
        if (run !== firstRun) servedAt[k] ??= Date.now();
      });
    const watch = setInterval(noteSwaps, 10);
    try {
      const first = await retrain(a);
      expect((await first.callback).type).toBe(5);
      const second = await retrain(b);
      const refused = (await second.callback).data;
      expect(refused?.flags).toBe(64);
      expect(refused?.content).toMatch(
        /^A retrain is already running \(started by \S+ \(\d+\) on replica-a at \d{4}-\d\d-\d\dT[\d:.]+Z\)\. Try again/,
      );
      const final = await first.waitForEdit((e) => (e.body.embeds?.length ?? 0) > 0, 90_000);
      expect(final.body.embeds?.[0]?.title).toBe('Retrained: the new model is live');
      const pointer = readPointer(storeLayout(store).pointer)!;
      expect(pointer.runId).not.toBe(firstRun);
      await waitUntil(
        () => (noteSwaps(), served().every((run) => run === pointer.runId)),
        'both replicas serve the new run',
        30_000,
      );
      const flippedAt = Date.parse(pointer.flippedAt);
      const delays = servedAt.map((at) => (at ?? NaN) - flippedAt);
      console.log(
        `serving the new run after the pointer flip: replica A ${delays[0]} ms, replica B ${delays[1]} ms`,
      );
      // Released once the reply is sent, just after the edit this test saw.
      await waitUntil(() => !existsSync(storeLayout(store).lock), 'the retrain lock is released');
      for (const replica of replicas) expect(await recommendCount(replica)).toBe(5);
    } finally {
      clearInterval(watch);
    }
  }, 120_000);

  it('GIVEN a run whose database export had one byte changed after hashing WHEN the pointer flips to it THEN both replicas refuse it naming the file, once, and keep serving and answering with the old run', async () => {
    const before = served();
    const bad = await publishTamperedRun(store, dataPath, 'run.sqlite');
    const refusal = `refused run ${bad} from the run store`;
    await waitUntil(
      () => replicas.every((r) => r.logs().includes(refusal)),
      'both replicas refuse it',
      30_000,
    );
    expect(served()).toEqual(before);
    for (const replica of replicas) {
      expect(await recommendCount(replica)).toBe(5);
      expect(replica.logs()).toMatch(
        /the file run\.sqlite is not the one published: its content hash/,
      );
    }
    // Several polls later, still one refusal each: a refused hash is not tried again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const replica of replicas) expect(replica.logs().split(refusal).length - 1).toBe(1);
  }, 90_000);
});
