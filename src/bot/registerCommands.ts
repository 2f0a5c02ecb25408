// Registers the slash commands with Discord: in one guild when a guild id is set (instant, for
// development), else globally; skipped when the definitions are unchanged since last time.
import { createHash } from 'node:crypto';
import { Routes, type REST, type RESTGetCurrentApplicationResult } from 'discord.js';
import type { Database } from '../db/open.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { COMMANDS } from './commands/index.ts';

const HASH_SETTING = 'registered_commands_hash';

/** The JSON Discord receives for every command. */
export function commandDefinitions() {
  return COMMANDS.map((command) => command.data.toJSON());
}

/** The application id: from settings when given, else asked of Discord with the token. */
export async function resolveApplicationId(
  rest: REST,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  const application = (await rest.get(
    Routes.currentApplication(),
  )) as RESTGetCurrentApplicationResult;
  return application.id;
}

/** Replaces the registered commands (guild or global) with the current definitions. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
): Promise<number> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[];
  return registered.length;
}

/** Registers only when the definitions or the target changed since the last registration. */
export async function registerCommandsIfChanged(
  db: Database,
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
): Promise<'registered' | 'unchanged'> {
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        applicationId,
        guildId: guildId ?? 'global',
        commands: commandDefinitions(),
      }),
    )
    .digest('hex');
  if (getSetting(db, HASH_SETTING) === hash) return 'unchanged';
  await registerCommands(rest, applicationId, guildId);
  setSetting(db, HASH_SETTING, hash);
  return 'registered';
}
