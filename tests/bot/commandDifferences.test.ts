// Comparing definitions with Discord's list goes by meaning: what Discord adds or leaves out is not
// a difference; names, descriptions, options, choices, permissions and types are.
import { describe, expect, it } from 'vitest';
import type { APIApplicationCommand, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandDifferences } from '../../src/bot/commandDifferences.ts';
import { commandDefinitions } from '../../src/bot/registerCommands.ts';
import { RegisteredCommands } from '../fakeDiscord/commands.ts';

/** The definitions as Discord hands them back after a bulk overwrite. */
function asDiscordStores(definitions: RESTPostAPIApplicationCommandsJSONBody[]) {
  return new RegisteredCommands('1100000000000000001').overwrite(undefined, definitions);
}

type Json = Record<string, unknown>;
const withChoices = (): RESTPostAPIApplicationCommandsJSONBody => ({
  name: 'pick',
  description: 'Pick one',
  options: [
    {
      type: 3,
      name: 'flavour',
      description: 'Which',
      choices: [
        { name: 'Sweet', value: 'sweet' },
        { name: 'Sour', value: 'sour' },
      ],
    },
  ],
});

describe('commandDifferences', () => {
  it('GIVEN the commands as Discord stores them (ids, versions, defaults, false flags left out) WHEN compared THEN nothing differs', () => {
    const local = [...commandDefinitions(), withChoices()];
    const stored = asDiscordStores(local);
    expect(JSON.stringify(stored)).not.toBe(JSON.stringify(local));
    expect(commandDifferences(local, stored)).toEqual([]);
  });

  it('GIVEN contexts left to Discord WHEN it answers with every context THEN nothing differs', () => {
    const local = commandDefinitions().filter((c) => c.name === 'about');
    const stored = asDiscordStores(local).map((c) => ({ ...c, contexts: [0, 1, 2] }));
    expect(commandDifferences(local, stored as APIApplicationCommand[])).toEqual([]);
  });

  const changes: [string, (command: Json) => void, string][] = [
    ['a description', (c) => (c.description = 'Other'), '/recommend differs'],
    ['the default permissions', (c) => (c.default_member_permissions = '8'), '/recommend differs'],
    ['the contexts it sets', (c) => (c.contexts = [0, 1]), '/retrain differs'],
    ['an option bound', (c) => ((c.options as Json[])[1]!.max_value = 25), '/recommend differs'],
    [
      'an option made required',
      (c) => ((c.options as Json[])[1]!.required = true),
      '/recommend differs',
    ],
    ['an option type', (c) => ((c.options as Json[])[1]!.type = 10), '/recommend differs'],
    ['option order', (c) => (c.options as Json[]).reverse(), '/recommend differs'],
    [
      'autocomplete turned off',
      (c) => delete (c.options as Json[])[0]!.autocomplete,
      '/recommend differs',
    ],
    [
      'a choice',
      (c) => (((c.options as Json[])[0]!.choices as Json[])[1]!.value = 'bitter'),
      '/pick differs',
    ],
    [
      'a name localization',
      (c) => (c.name_localizations = { fr: 'recommander' }),
      '/recommend differs',
    ],
    ['the command type', (c) => (c.type = 3), '/recommend is not registered'],
  ];
  it.each(changes)(
    'GIVEN Discord holding a command with another %s WHEN compared THEN it differs',
    (_what, change, expected) => {
      const local = [...commandDefinitions(), withChoices()];
      const stored = structuredClone(asDiscordStores(local)) as unknown as Json[];
      const target = expected.slice(1).split(' ')[0];
      const command = stored.find((c) => c.name === target)!;
      change(command);
      expect(commandDifferences(local, stored as unknown as APIApplicationCommand[])).toContain(
        expected,
      );
    },
  );

  it('GIVEN a command missing from Discord and one Discord has that is not ours WHEN compared THEN both are named', () => {
    const local = commandDefinitions();
    const stored = asDiscordStores([
      ...local.filter((c) => c.name !== 'about'),
      { name: 'stray', description: 'Not ours' },
    ]);
    expect(commandDifferences(local, stored)).toEqual([
      '/about is not registered',
      '/stray is not defined here',
    ]);
  });
});
