// Realistic INTERACTION_CREATE payloads: slash commands, autocomplete, buttons and string selects.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord.js';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
} from 'discord.js';
import type { RegisteredCommands } from './commands.ts';
import type { FileHost } from './files.ts';
import { nextSnowflake } from './ids.ts';
import { commonFields } from './invoker.ts';
import type { InvokerOptions } from './invoker.ts';
import type { MessageStore } from './messages.ts';
import { buildOptions, declaredType } from './options.ts';
import type { OptionsInput } from './options.ts';
import type { World } from './world.ts';

export interface ChatInputOptions extends InvokerOptions {
  name: string;
  options?: OptionsInput;
}

export interface AutocompleteOptions extends ChatInputOptions {
  /** The option being typed in. */
  focused: string;
  /** What the user has typed so far. */
  value: string;
}

export interface ComponentOptions extends InvokerOptions {
  customId: string;
  /** The message the component is on (its id, or the object); the latest stored version is sent. */
  message: APIMessage | string;
}

export interface SelectOptions extends ComponentOptions {
  values: string[];
}

export class InteractionBuilders {
  constructor(
    private readonly world: World,
    private readonly commands: RegisteredCommands,
    private readonly messages: MessageStore,
    private readonly files: FileHost,
  ) {}

  /** A slash command (type 2), option types taken from the registered command when known. */
  chatInput(input: ChatInputOptions): APIChatInputApplicationCommandInteraction {
    const command = this.commands.find(input.name, this.#guildOf(input));
    const { options, attachments } = buildOptions(input.options, command, this.files);
    return {
      ...commonFields(this.world, InteractionType.ApplicationCommand, input),
      type: InteractionType.ApplicationCommand,
      data: {
        id: command?.id ?? nextSnowflake(),
        name: input.name,
        type: ApplicationCommandType.ChatInput,
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
        ...(options.length > 0 ? { options } : {}),
        ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
      },
    } as APIChatInputApplicationCommandInteraction;
  }

  /** An autocomplete request (type 4) with one focused option. */
  autocomplete(input: AutocompleteOptions): APIApplicationCommandAutocompleteInteraction {
    const base = this.chatInput(input);
    const registered = this.commands.find(input.name, this.#guildOf(input));
    const focused = {
      name: input.focused,
      type: declaredType(registered, input.focused) ?? ApplicationCommandOptionType.String,
      value: input.value,
      focused: true,
    };
    const others = (base.data.options ?? []).filter((o) => o.name !== input.focused);
    return {
      ...base,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { ...base.data, options: [...others, focused] },
    } as APIApplicationCommandAutocompleteInteraction;
  }

  /** A button click (type 3, component_type 2) on a stored message. */
  button(input: ComponentOptions): APIMessageComponentButtonInteraction {
    return {
      ...commonFields(this.world, InteractionType.MessageComponent, input),
      type: InteractionType.MessageComponent,
      message: this.#current(input.message),
      data: { custom_id: input.customId, component_type: ComponentType.Button },
    } as APIMessageComponentButtonInteraction;
  }

  /** A string select choice (type 3, component_type 3) on a stored message. */
  select(input: SelectOptions): APIMessageComponentSelectMenuInteraction {
    return {
      ...commonFields(this.world, InteractionType.MessageComponent, input),
      type: InteractionType.MessageComponent,
      message: this.#current(input.message),
      data: {
        custom_id: input.customId,
        component_type: ComponentType.StringSelect,
        values: input.values,
      },
    } as APIMessageComponentSelectMenuInteraction;
  }

  #guildOf(input: InvokerOptions): string | undefined {
    return input.dm ? undefined : (input.guildId ?? this.world.guildId);
  }

  #current(message: APIMessage | string): APIMessage {
    const id = typeof message === 'string' ? message : message.id;
    const stored = this.messages.get(id);
    if (stored) return stored;
    if (typeof message === 'string') throw new Error(`fake Discord: no stored message ${id}`);
    return message;
  }
}
