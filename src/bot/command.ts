// The shape every slash command and component handler has; the lists live in commands/index.ts.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { BotContext } from './context.ts';

export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** Handles buttons and select menus whose custom id starts with `prefix:`. */
export interface ComponentHandler {
  prefix: string;
  handle(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    context: BotContext,
  ): Promise<void>;
}
