// Compares the command definitions with what Discord holds, by meaning: Discord answers with
// fields the bot never sent (ids, versions, null localizations, default contexts and integration
// types) and leaves out false flags, so the raw JSON never matches.
import type { APIApplicationCommand, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

type Definition = RESTPostAPIApplicationCommandsJSONBody;
type Json = Record<string, unknown>;

// Fields whose value Discord picks when the bot leaves them out (contexts can come back null or
// as every context, integration_types as the app's install types): compared only when set here.
const CHOSEN_BY_DISCORD = ['contexts', 'integration_types', 'dm_permission'] as const;

/** What differs between the local definitions and Discord's list, one line each; [] when none. */
export function commandDifferences(
  local: readonly Definition[],
  registered: readonly APIApplicationCommand[],
): string[] {
  const key = (command: { name: string; type?: number }) => `${command.type ?? 1}:${command.name}`;
  const remote = new Map(registered.map((command) => [key(command), command]));
  const differences: string[] = [];
  for (const definition of local) {
    const found = remote.get(key(definition));
    remote.delete(key(definition));
    if (!found) differences.push(`/${definition.name} is not registered`);
    else if (canonical(definition, definition) !== canonical(found, definition))
      differences.push(`/${definition.name} differs`);
  }
  for (const extra of remote.values()) differences.push(`/${extra.name} is not defined here`);
  return differences;
}

// One JSON string per command, defaults filled in and keys in a fixed order.
function canonical(command: Definition | APIApplicationCommand, local: Definition): string {
  const c = command as unknown as Json;
  const chosen = Object.fromEntries(
    CHOSEN_BY_DISCORD.filter((field) => (local as unknown as Json)[field] !== undefined).map(
      (field) => [field, field === 'dm_permission' ? (c[field] ?? true) : sortedOrNull(c[field])],
    ),
  );
  return JSON.stringify({
    type: c.type ?? 1,
    ...described(c),
    default_member_permissions: c.default_member_permissions ?? null,
    nsfw: c.nsfw ?? false,
    ...chosen,
    options: options(c.options),
  });
}

// Options and choices keep their order: it is the order users see them in.
function options(list: unknown): Json[] {
  return ((list as Json[] | undefined) ?? []).map((o) => ({
    type: o.type,
    ...described(o),
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    choices: ((o.choices as Json[] | undefined) ?? []).map((choice) => ({
      name: choice.name,
      name_localizations: localizations(choice.name_localizations),
      value: choice.value,
    })),
    channel_types: sortedOrNull(o.channel_types) ?? [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    options: options(o.options),
  }));
}

// Commands and options name and describe themselves the same way.
function described(item: Json): Json {
  return {
    name: item.name,
    name_localizations: localizations(item.name_localizations),
    description: item.description ?? '',
    description_localizations: localizations(item.description_localizations),
  };
}

function localizations(value: unknown): Json | null {
  if (!value || Object.keys(value).length === 0) return null;
  return Object.fromEntries(
    Object.entries(value as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

function sortedOrNull(value: unknown): unknown[] | null {
  return Array.isArray(value) ? [...(value as number[])].sort((a, b) => a - b) : null;
}
