// Application commands the bot registered, global and per guild, as Discord stores them: with the
// fields Discord fills in (ids, version, null localizations, default contexts and integration
// types) and without the false flags it leaves out, so a comparison must go by meaning.
import { ApplicationCommandType, ApplicationIntegrationType } from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandOption,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { nextSnowflake } from './ids.ts';

export class RegisteredCommands {
  global: APIApplicationCommand[] = [];
  guilds: Record<string, APIApplicationCommand[]> = {};

  constructor(private readonly applicationId: string) {}

  /** Bulk overwrite (PUT): replaces the list, keeping ids of commands whose name stays. */
  overwrite(guildId: string | undefined, bodies: RESTPostAPIApplicationCommandsJSONBody[]) {
    const old = this.list(guildId);
    const next = bodies.map((body) => this.#store(guildId, body, old));
    this.#set(guildId, next);
    return next;
  }

  /** Create or replace one command (POST). */
  upsert(guildId: string | undefined, body: RESTPostAPIApplicationCommandsJSONBody) {
    const old = this.list(guildId);
    const command = this.#store(guildId, body, old);
    this.#set(guildId, [...old.filter((c) => c.name !== body.name), command]);
    return command;
  }

  /** The registered list for a guild, or the global list. */
  list(guildId?: string): APIApplicationCommand[] {
    return guildId ? (this.guilds[guildId] ?? []) : this.global;
  }

  /** A chat command by name, guild commands first (as a user in that guild sees them). */
  find(name: string, guildId?: string): APIApplicationCommand | undefined {
    const matches = (c: APIApplicationCommand) =>
      c.name === name &&
      (c.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    return this.list(guildId).find(matches) ?? this.global.find(matches);
  }

  #set(guildId: string | undefined, commands: APIApplicationCommand[]): void {
    if (guildId) this.guilds[guildId] = commands;
    else this.global = commands;
  }

  #store(
    guildId: string | undefined,
    body: RESTPostAPIApplicationCommandsJSONBody,
    old: APIApplicationCommand[],
  ): APIApplicationCommand {
    const previous = old.find((c) => c.name === body.name);
    return {
      ...body,
      id: previous?.id ?? nextSnowflake(),
      application_id: this.applicationId,
      version: nextSnowflake(),
      type: body.type ?? ApplicationCommandType.ChatInput,
      description: 'description' in body ? (body.description ?? '') : '',
      name_localizations: body.name_localizations ?? null,
      description_localizations:
        'description_localizations' in body ? (body.description_localizations ?? null) : null,
      default_member_permissions: body.default_member_permissions ?? null,
      dm_permission: body.dm_permission ?? true,
      contexts: body.contexts ?? null,
      integration_types: body.integration_types ?? [ApplicationIntegrationType.GuildInstall],
      nsfw: body.nsfw ?? false,
      ...('options' in body && body.options ? { options: body.options.map(storedOption) } : {}),
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  }
}

// Discord leaves `required` and `autocomplete` out when false.
function storedOption(option: APIApplicationCommandOption): APIApplicationCommandOption {
  const stored = { ...option } as Record<string, unknown>;
  if (stored.required === false) delete stored.required;
  if (stored.autocomplete === false) delete stored.autocomplete;
  if (Array.isArray(stored.options))
    stored.options = (stored.options as APIApplicationCommandOption[]).map(storedOption);
  return stored as unknown as APIApplicationCommandOption;
}
