// How a message made in answer to an interaction is attributed: author, type, interaction metadata.
import { InteractionType, MessageType } from 'discord.js';
import type { APIMessage, APIMessageInteractionMetadata } from 'discord.js';
import type { NewMessage } from '../messages.ts';
import type { InteractionReply } from '../replies.ts';
import type { FakeState } from '../state.ts';

/** The NewMessage attributes of a response to `reply`'s interaction. */
export function responseOrigin(
  state: FakeState,
  reply: InteractionReply,
  followup = false,
): NewMessage {
  const { interaction } = reply;
  const user = interaction.member?.user ?? interaction.user;
  const isCommand = interaction.type === InteractionType.ApplicationCommand;
  const metadata = {
    id: interaction.id,
    type: interaction.type,
    user,
    authorizing_integration_owners: interaction.authorizing_integration_owners,
    ...(interaction.message ? { interacted_message_id: interaction.message.id } : {}),
  } as APIMessageInteractionMetadata;
  return {
    channelId: interaction.channel?.id ?? state.world.channelId,
    author: state.world.bot,
    applicationId: state.world.applicationId,
    type: isCommand && !followup ? MessageType.ChatInputCommand : MessageType.Default,
    interaction: metadata,
  };
}

/** The message a component interaction came from, in its latest stored version. */
export function componentMessage(
  state: FakeState,
  reply: InteractionReply,
): APIMessage | undefined {
  const id = reply.interaction.message?.id;
  return id ? state.messages.get(id) : undefined;
}
