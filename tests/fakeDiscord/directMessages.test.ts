// The fake's DMs: a real discord.js client opens a DM channel and sends a message with a file;
// a user with closed DMs gets Discord's 403 (50007) and nothing is recorded.
import { AttachmentBuilder, DiscordAPIError, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './index.ts';
import { startTestClient } from './testClient.ts';

const outcomes: string[] = [];

// Any slash command: DM the invoker a file, then say privately how it went.
async function handle(interaction: Interaction): Promise<void> {
  if (!interaction.isChatInputCommand()) return;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const file = new AttachmentBuilder(Buffer.from('spotify:track:abc\n'), { name: 'list.txt' });
    const sent = await interaction.user.send({ content: 'your list', files: [file] });
    outcomes.push(`sent ${sent.channel.isDMBased()}`);
    await interaction.editReply('sent');
  } catch (error) {
    const code = error instanceof DiscordAPIError ? error.code : 'other';
    outcomes.push(`failed ${code}`);
    await interaction.editReply('closed');
  }
}

describe('fake Discord direct messages', () => {
  let discord: FakeDiscord;
  let client: Client<true>;

  beforeAll(async () => {
    discord = await startFakeDiscord({ heartbeatIntervalMs: 500 });
    client = await startTestClient(discord, handle);
    await discord.waitForReady();
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  it('GIVEN a bot sending a DM with a file WHEN it runs THEN the DM is recorded with its file, in a DM channel', async () => {
    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'any', userId: '1400000000000000011' }),
    );
    await reply.waitForEdit();
    const [dm] = discord.directMessages.to('1400000000000000011');
    expect(dm?.body.content).toBe('your list');
    expect(dm?.files.map((f) => [f.name, f.data.toString()])).toEqual([
      ['list.txt', 'spotify:track:abc\n'],
    ]);
    expect(dm?.message.attachments[0]?.filename).toBe('list.txt');
    expect(discord.directMessages.recipientOf(dm!.channelId)).toBe('1400000000000000011');
    expect(outcomes.at(-1)).toBe('sent true');
    expect(discord.unhandled).toEqual([]);
  });

  it('GIVEN a user with closed DMs WHEN the bot sends one THEN Discord refuses with 50007 and nothing is recorded', async () => {
    discord.directMessages.setClosed('1400000000000000012');
    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'any', userId: '1400000000000000012' }),
    );
    await reply.waitForEdit();
    expect(outcomes.at(-1)).toBe(`failed ${RESTJSONErrorCodes.CannotSendMessagesToThisUser}`);
    expect(discord.directMessages.to('1400000000000000012')).toEqual([]);
  });
});
