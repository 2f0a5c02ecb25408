// "Send me a playlist": the list as a private message (see embeds/playlistMessage.ts); the
// listener is told privately whether it went out, and why not when their DMs are closed.
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type ButtonInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { ComponentHandler } from '../command.ts';
import type { BotContext } from '../context.ts';
import { playlistMessage } from '../embeds/playlistMessage.ts';
import { loadChain } from '../lists/chains.ts';
import { chainIdOf, LIST_PREFIXES } from '../lists/listIds.ts';
import { playlistOf } from '../lists/playlist.ts';

export const DMS_CLOSED =
  "I couldn't send you a private message: your DMs are closed to me. Allow direct messages " +
  "from this server's members (the server's Privacy Settings) and press the button again.";

export const takeAway: ComponentHandler = {
  prefix: LIST_PREFIXES.take,
  handle: sendPlaylist,
};

/** Sends the chain of this component as a playlist to whoever pressed it. */
export async function sendPlaylist(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  context: BotContext,
): Promise<void> {
  const chain = loadChain(context.db, chainIdOf(LIST_PREFIXES.take, interaction.customId));
  // Opening a DM channel and uploading may take a while: answer first, privately.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { title, tracks } = playlistOf(context, chain, interaction.user.id);
  if (tracks.length === 0) {
    await interaction.editReply('This list has no songs left to send you.');
    return;
  }
  try {
    // Not cached: discord.js would keep every listener's DM channel for good.
    const dm = await interaction.client.users.createDM(interaction.user, { cache: false });
    await dm.send(playlistMessage(title, tracks));
  } catch (error) {
    if (!isClosedDms(error)) throw error;
    await interaction.editReply(DMS_CLOSED);
    return;
  }
  await interaction.editReply(
    `Sent you a private message with ${tracks.length} songs and a file to paste into Spotify.`,
  );
}

function isClosedDms(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser || error.status === 403)
  );
}
