// Command options written as { name: value } become typed API options, using the registered definition.
import { ApplicationCommandOptionType } from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataBasicOption,
  APIAttachment,
} from 'discord.js';
import type { FakeFile, FileHost } from './files.ts';

/** An option value: text, number, boolean, or a file for an attachment option. */
export type OptionValue = string | number | boolean | FakeFile;

/** Options as a record, or exact API options for full control. */
export type OptionsInput =
  Record<string, OptionValue> | APIApplicationCommandInteractionDataBasicOption[];

export interface BuiltOptions {
  options: APIApplicationCommandInteractionDataBasicOption[];
  attachments: Record<string, APIAttachment>;
}

/** Turns option input into API options plus the `resolved.attachments` they refer to. */
export function buildOptions(
  input: OptionsInput | undefined,
  command: APIApplicationCommand | undefined,
  files: FileHost,
): BuiltOptions {
  const attachments: Record<string, APIAttachment> = {};
  if (!input) return { options: [], attachments };
  if (Array.isArray(input)) return { options: input, attachments };
  const options = Object.entries(input).map(([name, value]) => {
    const type = declaredType(command, name) ?? inferType(value);
    if (typeof value === 'object') {
      const attachment = files.host(value);
      attachments[attachment.id] = attachment;
      return { name, type, value: attachment.id };
    }
    return { name, type, value };
  });
  return { options: options as APIApplicationCommandInteractionDataBasicOption[], attachments };
}

/** The type the registered command declares for an option. */
export function declaredType(
  command: APIApplicationCommand | undefined,
  name: string,
): ApplicationCommandOptionType | undefined {
  return command?.options?.find((o) => o.name === name)?.type;
}

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'object') return ApplicationCommandOptionType.Attachment;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}
