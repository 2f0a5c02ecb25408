// /forget-me: what NextBeat stores about the listener, and buttons to delete all of it; only they
// see the question and the answer.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  SlashCommandBuilder,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { ForgottenRows } from '../../db/forgetListener.ts';
import type { SlashCommand } from '../command.ts';
import { encodeForgetAnswer } from '../forgetIds.ts';
import { listenerStores } from '../listeners/stores.ts';

export const forgetMeCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('forget-me')
    .setDescription('Delete everything NextBeat stores about you (likes, dislikes, lists)'),

  async execute(interaction, { db }) {
    const userId = interaction.user.id;
    const { ratings, chains } = listenerStores(db);
    const { likes, dislikes } = ratings.counts(userId);
    const lists = chains.countOf(userId);
    if (likes + dislikes + lists === 0) {
      await interaction.reply({
        content: 'NextBeat stores nothing about you: no likes, no dislikes, no lists.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const askedAt = Date.now();
    const buttons = new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId(encodeForgetAnswer({ confirmed: true, userId, askedAt }))
        .setLabel('Delete everything')
        .setStyle(ButtonStyle.Danger),
      new ButtonBuilder()
        .setCustomId(encodeForgetAnswer({ confirmed: false, userId, askedAt }))
        .setLabel('Keep it')
        .setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({
      content:
        `NextBeat stores ${storedRows({ likes, dislikes, chains: lists })} you asked for ` +
        '(their buttons would stop working). Delete all of it? This cannot be undone.',
      components: [buttons],
      flags: MessageFlags.Ephemeral,
    });
  },
};

/** "2 likes, 1 \"not for me\" and 3 lists". */
export function storedRows({ likes, dislikes, chains }: ForgottenRows): string {
  return `${plural(likes, 'like')}, ${dislikes} "not for me" and ${plural(chains, 'list')}`;
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}
