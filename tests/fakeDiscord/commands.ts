// Application commands the bot registered, global and per guild, as Discord stores them.
import { ApplicationCommandType } from 'discord.js';
import type { APIApplicationCommand, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
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
      default_member_permissions: body.default_member_permissions ?? null,
      nsfw: body.nsfw ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  }
}
