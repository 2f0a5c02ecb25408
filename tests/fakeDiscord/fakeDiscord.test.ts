import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  MessageFlags,
} from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from './index.ts';
import { measureCallbackLatency } from './latency.ts';
import type { FakeDiscord } from './index.ts';
import { startTestClient } from './testClient.ts';

const errors: unknown[] = [];

// A tiny bot exercising reply + files, autocomplete, update-in-place, defer + edit, and registration.
async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused());
    const count = interaction.commandName === 'toomany' ? 26 : 3;
    await interaction
      .respond(
        Array.from({ length: count }, (_, i) => ({ name: `${typed} ${i}`, value: `id-${i}` })),
      )
      .catch((error: unknown) => errors.push(error));
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
    return;
  }
  if (interaction.isStringSelectMenu()) {
    await interaction.reply({
      content: `picked ${interaction.values.join(',')}`,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'recommend': {
      const embed = new EmbedBuilder().setTitle(
        `Like ${interaction.options.getString('song', true)}`,
      );
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
      );
      const file = new AttachmentBuilder(Buffer.from('dna'), { name: 'dna.txt' });
      await interaction.reply({ embeds: [embed], components: [row], files: [file] });
      return;
    }
    case 'slow':
      await interaction.deferReply();
      await interaction.editReply(
        `done, count=${interaction.options.getNumber('count') ?? 'none'}`,
      );
      return;
    case 'who': {
      const admin = interaction.memberPermissions?.has('Administrator') ?? false;
      const response = await interaction.reply({
        content: `${interaction.inGuild() ? 'guild' : 'dm'} admin=${admin}`,
        withResponse: true,
      });
      await interaction.followUp(`reply id ${response.resource?.message?.id}`);
      return;
    }
    default:
      await interaction.reply('pong');
  }
}

describe('fake Discord with a real discord.js client', () => {
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

  it('logs the client in over plain JSON and caches the guild', () => {
    // GIVEN a ready client WHEN we look at what it asked for THEN it identified once, uncompressed
    expect(discord.gatewayConnections.identifies).toBe(1);
    expect(discord.gateway.connectQueries[0]?.get('encoding')).toBe('json');
    expect(discord.gateway.connectQueries[0]?.has('compress')).toBe(false);
    expect(client.guilds.cache.get(discord.world.guildId)?.name).toBe('NextBeat Test Guild');
    expect(client.user.id).toBe(discord.world.bot.id);
    expect(discord.requests.find((r) => r.path === '/gateway/bot')?.authorization).toBe(
      `Bot ${discord.token}`,
    );
  });

  it('records guild command registration and uses the declared option types', async () => {
    // GIVEN the bot registers guild commands
    await client.application.commands.set(
      [
        {
          name: 'slow',
          description: 'defer then edit',
          options: [{ name: 'count', description: 'n', type: 10 }],
        },
        {
          name: 'recommend',
          description: 'songs',
          options: [{ name: 'song', description: 's', type: 3, autocomplete: true }],
        },
      ],
      discord.world.guildId,
    );
    const registered = discord.commands.list(discord.world.guildId);
    expect(registered.map((c) => c.name)).toEqual(['slow', 'recommend']);

    // WHEN /slow count:5 is sent (5 is an integer, but the command declares a number)
    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'slow', options: { count: 5 } }),
    );

    // THEN the bot defers, then edits @original with the number it read
    expect((await reply.callback).type).toBe(5);
    const edit = await reply.waitForEdit();
    expect(edit.body.content).toBe('done, count=5');
    expect(reply.message()?.flags ?? 0).toBe(0);
    expect((reply.interaction.data as { id: string }).id).toBe(registered[0]?.id);
  });

  it('receives an embed, a button and an uploaded file, then updates the message in place', async () => {
    // WHEN /recommend song:abc
    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'recommend', options: { song: 'abc' } }),
    );
    const callback = await reply.callback;

    // THEN a type 4 callback carries the embed, the button and the file
    expect(callback.type).toBe(4);
    expect(callback.data?.embeds?.[0]?.title).toBe('Like abc');
    expect(callback.files.map((f) => [f.name, f.data.toString()])).toEqual([['dna.txt', 'dna']]);
    const message = reply.message();
    expect(message?.attachments[0]?.filename).toBe('dna.txt');
    expect(await (await fetch(message?.attachments[0]?.url ?? '')).text()).toBe('dna');

    // WHEN the button on that message is clicked THEN the same message is updated (type 7)
    const click = await discord.sendInteraction(
      discord.build.button({ customId: 'more', message: message?.id ?? '' }),
    );
    expect((await click.callback).type).toBe(7);
    expect(discord.message(message?.id ?? '')?.content).toBe('clicked more');
    expect(discord.message(message?.id ?? '')?.components).toEqual([]);
  });

  it('answers autocomplete with choices and rejects more than 25', async () => {
    const reply = await discord.sendInteraction(
      discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'sha' }),
    );
    const callback = await reply.callback;
    expect(callback.type).toBe(8);
    expect(callback.data?.choices?.map((c) => c.name)).toEqual(['sha 0', 'sha 1', 'sha 2']);

    // GIVEN a handler that returns 26 choices THEN Discord's 400 reaches the bot
    await discord.sendInteraction(
      discord.build.autocomplete({ name: 'toomany', focused: 'q', value: 'x' }),
    );
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatchObject({ status: 400, code: 50035 });
  });

  it('sends DM and admin variants, withResponse and follow-ups', async () => {
    const dm = await discord.sendInteraction(discord.build.chatInput({ name: 'who', dm: true }));
    expect((await dm.callback).data?.content).toBe('dm admin=false');
    const admin = await discord.sendInteraction(
      discord.build.chatInput({ name: 'who', admin: true }),
    );
    expect((await admin.callback).data?.content).toBe('guild admin=true');
    const followup = await admin.waitForFollowup();
    expect(followup.body.content).toBe(`reply id ${admin.originalMessageId}`);
  });

  it('handles a string select on a stored message with an ephemeral reply', async () => {
    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'recommend', options: { song: 'x' } }),
    );
    await reply.callback;
    const pick = await discord.sendInteraction(
      discord.build.select({
        customId: 'genre',
        values: ['pop', 'rock'],
        message: reply.message() ?? '',
      }),
    );
    const callback = await pick.callback;
    expect(callback.data?.content).toBe('picked pop,rock');
    expect(pick.message()?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('lets discord.js retry a rate-limited callback', async () => {
    discord.setRestFault('/callback', { status: 429, retryAfter: 0.05, times: 1 });
    const reply = await discord.sendInteraction(discord.build.chatInput({ name: 'ping' }));
    expect((await reply.callback).data?.content).toBe('pong');
    const attempts = discord.requests.filter((r) => r.path.includes(reply.id));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it('reconnects after a dropped connection and still answers', async () => {
    // GIVEN a session WHEN the socket closes with 4000 THEN the client resumes
    const before = discord.gatewayConnections.resumes;
    discord.dropConnection(4000);
    const reply = await discord.sendInteraction(discord.build.chatInput({ name: 'ping' }));
    expect((await reply.callback).data?.content).toBe('pong');
    expect(discord.gatewayConnections.resumes).toBe(before + 1);

    // WHEN the session is invalidated THEN the client identifies anew
    const identifies = discord.gatewayConnections.identifies;
    discord.sendInvalidSession(false);
    const again = await discord.sendInteraction(discord.build.chatInput({ name: 'ping' }));
    expect((await again.callback).data?.content).toBe('pong');
    expect(discord.gatewayConnections.identifies).toBe(identifies + 1);
  });

  it('resumes when heartbeats stop being acknowledged', async () => {
    // GIVEN the fake ignores heartbeats WHEN the client notices the zombie connection THEN it resumes
    const resumes = discord.gatewayConnections.resumes;
    discord.setHeartbeatAck(false);
    await expect
      .poll(() => discord.gatewayConnections.resumes, { timeout: 5_000 })
      .toBe(resumes + 1);
    discord.setHeartbeatAck(true);
    const reply = await discord.sendInteraction(discord.build.chatInput({ name: 'ping' }));
    expect((await reply.callback).data?.content).toBe('pong');
  });

  it('answers 200 sequential interactions and reports their latency', async () => {
    const summary = await measureCallbackLatency(discord, 200);
    console.log(
      `callback latency over 200: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms`,
    );
    expect(Number.isFinite(summary.max)).toBe(true);
  });

  it('called no route the fake does not know', () => {
    expect(discord.unhandled).toEqual([]);
  });
});
