// The `limits` option of /recommend and /similar-vibe: hard limits on audio features typed as text
// ("tempo 120-130, energy > 0.8"), read by core/queries/featureLimits.ts.
import type { ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import { InvalidQueryError } from '../core/errors.ts';
import type { AudioFeature } from '../data/track.ts';
import type { FeatureLimits } from '../core/queries/index.ts';
import { describeFeatureLimits, parseFeatureLimits, truncate } from '../core/queries/index.ts';

/** Room for a limit on each of the nine features ("instrumentalness 0.2-0.6, " is 28 characters). */
export const LIMITS_MAX_LENGTH = 300;

/** Declares the option. */
export function limitsOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('limits')
    .setDescription(
      'Hard limits every song meets, e.g. "tempo 120-130, energy > 0.8, speechiness < 0.2"',
    )
    .setMaxLength(LIMITS_MAX_LENGTH);
}

/** The limits given, or undefined; a clause that cannot be read is a message naming it. */
export function limitsChoice(interaction: ChatInputCommandInteraction): FeatureLimits | undefined {
  const text = interaction.options.getString('limits');
  if (text === null || text.trim() === '') return undefined;
  let limits: FeatureLimits;
  try {
    limits = parseFeatureLimits(text);
  } catch (error) {
    if (error instanceof InvalidQueryError) {
      throw new InvalidQueryError(`\`limits\`: ${error.message}`);
    }
    throw error;
  }
  for (const [feature, low] of Object.entries(limits.min)) {
    const high = limits.max[feature as AudioFeature];
    if (high !== undefined && low > high) {
      throw new InvalidQueryError(
        `\`limits\`: no song has ${feature} at least ${low} and at most ${high}.`,
      );
    }
  }
  return limits;
}

/** The "Limits" field of a list reply: the hard limits every result meets, when there are any. */
export function limitsFields(state: { limits?: FeatureLimits }): { name: string; value: string }[] {
  const described = state.limits ? describeFeatureLimits(state.limits) : '';
  return described
    ? [{ name: 'Limits (every song meets them)', value: truncate(described, 1024) }]
    : [];
}
