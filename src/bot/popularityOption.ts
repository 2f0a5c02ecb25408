// The `popularity` option of /recommend and /similar-vibe: popular, balanced, any or deep cuts.
import type { ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import type { PopularityMode } from '../core/queries/index.ts';
import { POPULARITY_HELP, POPULARITY_MODES, popularityRule } from '../core/queries/index.ts';

const LABELS: Record<PopularityMode, string> = {
  balanced: 'Balanced (default)',
  popular: 'Popular: well-known songs first',
  any: 'Any: sound only, popularity ignored',
  'deep-cuts': 'Deep cuts: lesser-known songs only',
};

/** Adds the choices to a string option. */
export function popularityOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('popularity')
    .setDescription('Well-known songs or deep cuts (default balanced)')
    .addChoices(POPULARITY_MODES.map((mode) => ({ name: LABELS[mode], value: mode })));
}

/** The mode chosen (balanced when left out); a forged value is refused with the choices named. */
export function popularityChoice(interaction: ChatInputCommandInteraction): PopularityMode {
  const mode = interaction.options.getString('popularity') ?? 'balanced';
  popularityRule(mode);
  return mode as PopularityMode;
}

/** How a mode reads in a reply footer, or '' for the default. */
export function popularityNote(mode: PopularityMode): string {
  return mode === 'balanced' ? '' : `popularity: ${mode} (${POPULARITY_HELP[mode]})`;
}
