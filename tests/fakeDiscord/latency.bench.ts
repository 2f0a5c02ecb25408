// Prints callback latency of a trivial discord.js handler against the fake: npx tsx tests/fakeDiscord/latency.bench.ts [count]
import { measureCallbackLatency } from './latency.ts';
import { startFakeDiscord } from './index.ts';
import { startTestClient } from './testClient.ts';

const count = Number(process.argv[2] ?? 200);
const discord = await startFakeDiscord();
const client = await startTestClient(discord, async (interaction) => {
  if (interaction.isChatInputCommand()) await interaction.reply('pong');
});
await measureCallbackLatency(discord, 20); // warm-up
const summary = await measureCallbackLatency(discord, count);
console.log(
  `${summary.count} sequential interactions: p50 ${summary.p50.toFixed(2)} ms, ` +
    `p99 ${summary.p99.toFixed(2)} ms, max ${summary.max.toFixed(2)} ms`,
);
await client.destroy();
await discord.close();
