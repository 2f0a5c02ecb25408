// Registers the slash commands with Discord: in one guild when a guild id is set (instant, for
// development), else globally. It asks Discord what it holds and writes only what differs, so a
// new application or server, or commands deleted in the developer portal, get them back.
import {
  Routes,
  type APIApplicationCommand,
  type REST,
  type RESTGetCurrentApplicationResult,
} from 'discord.js';
import { COMMANDS } from './commands/index.ts';
import { commandDifferences } from './commandDifferences.ts';

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

function commandsRoute(applicationId: string, guildId: string | undefined) {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

/** Replaces the registered commands (guild or global) with the current definitions. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
): Promise<number> {
  const body = commandDefinitions();
  const registered = (await rest.put(commandsRoute(applicationId, guildId), { body })) as unknown[];
  return registered.length;
}

export interface RegistrationResult {
  outcome: 'registered' | 'unchanged';
  /** Commands Discord holds now. */
  count: number;
  /** What differed before registering, one line each ([] when unchanged). */
  differences: string[];
}

/** Compares Discord's commands with the definitions and overwrites them only when they differ. */
export async function registerCommandsIfChanged(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
): Promise<RegistrationResult> {
  // with_localizations: without it Discord sends only the requester's locale of each text.
  const registered = (await rest.get(commandsRoute(applicationId, guildId), {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as APIApplicationCommand[];
  const differences = commandDifferences(commandDefinitions(), registered);
  if (differences.length === 0)
    return { outcome: 'unchanged', count: registered.length, differences };
  const count = await registerCommands(rest, applicationId, guildId);
  return { outcome: 'registered', count, differences };
}
