// The one error path: routes each interaction to its handler; user mistakes get a short private
// message, anything else is logged with a reference id and answered with a generic apology.
import { randomBytes } from 'node:crypto';
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { UserFacingError } from '../core/errors.ts';
import type { InteractionOutcome } from '../ops/botMetrics.ts';
import type { ComponentHandler, SlashCommand } from './command.ts';
import type { BotContext } from './context.ts';
import { checkOptions } from './optionLimits.ts';

/**
 * Returns the `interactionCreate` listener for these commands and component handlers; it resolves
 * with how the interaction ended, for the metrics.
 */
export function createDispatcher(
  commands: readonly SlashCommand[],
  components: readonly ComponentHandler[],
  context: BotContext,
): (interaction: Interaction) => Promise<InteractionOutcome> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  const declared = new Map(
    commands.map((command) => [command.data.name, command.data.toJSON().options ?? []]),
  );
  const byPrefix = new Map(components.map((handler) => [handler.prefix, handler]));

  return async (interaction) => {
    context.inFlight.add(interaction.id);
    try {
      if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        checkOptions(declared.get(interaction.commandName) ?? [], interaction.options.data, false);
        if (command?.autocomplete) await command.autocomplete(interaction, context);
        else await interaction.respond([]);
      } else if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) throw new UserFacingError('That command is not available any more.');
        checkOptions(declared.get(command.data.name) ?? [], interaction.options.data, true);
        await command.execute(interaction, context);
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const handler = byPrefix.get(interaction.customId.split(':', 1)[0] ?? '');
        if (!handler) throw new UserFacingError('This button has expired. Run the command again.');
        await handler.handle(interaction, context);
      }
      return 'ok';
    } catch (error) {
      return await answerError(interaction, error, context);
    } finally {
      context.inFlight.delete(interaction.id);
    }
  };
}

// Each failure is logged at most once; user mistakes are not logged at all.
async function answerError(
  interaction: Interaction,
  error: unknown,
  context: BotContext,
): Promise<InteractionOutcome> {
  const { logger } = context;
  const outcome = error instanceof UserFacingError ? 'user_error' : 'error';
  if (isAnswerRejected(error)) {
    // Replying again would be rejected the same way: Discord has closed this interaction.
    logger.warn(
      { err: error, interaction: describe(interaction) },
      'Discord refused our answer (too late, or already answered)',
    );
    return 'refused';
  }
  if (interaction.isAutocomplete()) {
    if (!(error instanceof UserFacingError)) {
      logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
    }
    if (!interaction.responded) await interaction.respond([]).catch(() => {});
    return outcome;
  }
  if (!interaction.isRepliable()) return outcome;
  const reference = error instanceof UserFacingError ? undefined : randomBytes(4).toString('hex');
  if (reference !== undefined) {
    // Logged before replying, so the reference the user sees is already in the log.
    logger.error(
      { err: error, reference, interaction: describe(interaction) },
      'interaction failed',
    );
  }
  const message =
    reference === undefined
      ? (error as UserFacingError).message
      : `Sorry, something went wrong on our side (reference \`${reference}\`).`;
  await replyPrivately(interaction, message).catch((replyError: unknown) =>
    // When the failure was already logged, the reply failing too (Discord down) is no news.
    logger[reference === undefined ? 'warn' : 'debug'](
      { err: replyError, reference },
      'could not send the error reply',
    ),
  );
  return outcome;
}

/** Discord answered our reply with "Unknown interaction" (past 3 s) or "already acknowledged". */
function isAnswerRejected(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
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
