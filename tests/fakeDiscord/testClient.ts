// A real discord.js client logged in to a fake Discord, for the harness's own tests.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { FakeDiscord } from './index.ts';

/** Logs a discord.js client in to the fake and resolves once it is ready. */
export async function startTestClient(
  discord: FakeDiscord,
  onInteraction: (interaction: Interaction) => Promise<void>,
): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error: unknown) =>
      console.error('test handler failed:', error),
    );
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(discord.token);
  return ready;
}
