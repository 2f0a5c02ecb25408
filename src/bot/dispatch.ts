// The one error path: routes each interaction to its handler; user mistakes get a short private
// message, anything else is logged with a reference id and answered with a generic apology.
import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import { UserFacingError } from '../core/errors.ts';
import type { ComponentHandler, SlashCommand } from './command.ts';
import type { BotContext } from './context.ts';

/** Returns the `interactionCreate` listener for these commands and component handlers. */
export function createDispatcher(
  commands: readonly SlashCommand[],
  components: readonly ComponentHandler[],
  context: BotContext,
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  const byPrefix = new Map(components.map((handler) => [handler.prefix, handler]));

  return async (interaction) => {
    context.inFlight.add(interaction.id);
    try {
      if (interaction.isAutocomplete()) {
        await byName.get(interaction.commandName)?.autocomplete?.(interaction, context);
      } else if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) throw new UserFacingError('That command is not available any more.');
        await command.execute(interaction, context);
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const handler = byPrefix.get(interaction.customId.split(':', 1)[0] ?? '');
        if (!handler) throw new UserFacingError('This button has expired. Run the command again.');
        await handler.handle(interaction, context);
      }
    } catch (error) {
      await answerError(interaction, error, context);
    } finally {
      context.inFlight.delete(interaction.id);
    }
  };
}

async function answerError(interaction: Interaction, error: unknown, context: BotContext) {
  if (interaction.isAutocomplete()) {
    context.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
    if (!interaction.responded) await interaction.respond([]).catch(() => {});
    return;
  }
  if (!interaction.isRepliable()) return;
  let message: string;
  if (error instanceof UserFacingError) {
    message = error.message;
  } else {
    const reference = randomBytes(4).toString('hex');
    context.logger.error(
      { err: error, reference, interaction: describe(interaction) },
      'interaction failed',
    );
    message = `Sorry, something went wrong on our side (reference \`${reference}\`).`;
  }
  await replyPrivately(interaction, message).catch((replyError: unknown) =>
    context.logger.warn({ err: replyError }, 'could not send the error reply'),
  );
}

async function replyPrivately(interaction: RepliableInteraction, content: string) {
  const payload = { content: content.slice(0, 2000), embeds: [], components: [], files: [] };
  if (interaction.deferred && !interaction.replied) {
    // A deferred reply keeps the visibility it was deferred with; edit it in place.
    await interaction.editReply(payload);
  } else if (interaction.replied) {
    await interaction.followUp({ content: payload.content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content: payload.content, flags: MessageFlags.Ephemeral });
  }
}

function describe(interaction: Interaction) {
  return {
    id: interaction.id,
    type: interaction.type,
    user: interaction.user.id,
    guild: interaction.guildId,
    command: interaction.isCommand() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
  };
}
