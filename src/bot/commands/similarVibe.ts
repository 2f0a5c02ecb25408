// /similar-vibe: songs matching audio-feature "sliders"; features left unset stay free.
import { SlashCommandBuilder } from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';
import { searchGenres } from '../../core/queries/index.ts';
import type { FeatureTargets } from '../../core/queries/index.ts';
import type { SlashCommand } from '../command.ts';
import { limitsChoice, limitsOption } from '../limitsOption.ts';
import { popularityChoice, popularityOption } from '../popularityOption.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { vibePage } from '../vibePage.ts';
import { SLIDERS, type VibeState } from '../vibeState.ts';

const data = new SlashCommandBuilder()
  .setName('similar-vibe')
  .setDescription('Songs with the vibe you set: energy, mood, tempo, ... (unset ones stay free)');
for (const slider of SLIDERS) {
  data.addNumberOption((o) =>
    o
      .setName(slider.feature)
      .setDescription(slider.description)
      .setMinValue(slider.min)
      .setMaxValue(slider.max),
  );
}
data
  .addStringOption((o) =>
    o
      .setName('genre')
      .setDescription('Only songs of this genre')
      .setAutocomplete(true)
      .setMaxLength(30),
  )
  .addIntegerOption((o) =>
    o.setName('count').setDescription('How many songs (default 5)').setMinValue(1).setMaxValue(10),
  )
  .addStringOption((o) => popularityOption(o))
  .addStringOption((o) => limitsOption(o));

export const similarVibeCommand: SlashCommand = {
  data,

  async autocomplete(interaction, { model }) {
    const typed = interaction.options.getFocused();
    const genres = searchGenres(model.catalog, typed).map((g) => ({
      name: `${g.name} (${g.count})`,
      value: g.name,
    }));
    await interaction.respond(genres.slice(0, 25));
  },

  async execute(interaction, context) {
    const targets: FeatureTargets = {};
    for (const slider of SLIDERS) {
      const value = interaction.options.getNumber(slider.feature);
      if (value !== null) targets[slider.feature] = value;
    }
    const limits = limitsChoice(interaction);
    if (Object.keys(targets).length === 0 && !limits) {
      throw new UserFacingError(
        'Set at least one slider or limit, for example `energy: 0.9 tempo: 128` or `limits: tempo 120-130`.',
      );
    }
    const state: VibeState = {
      targets,
      count: interaction.options.getInteger('count') ?? 5,
      genre: interaction.options.getString('genre') ?? '',
      popularity: popularityChoice(interaction),
      ...(limits ? { limits } : {}),
    };
    const page = vibePage(context, interaction.user.id, state);
    await sendPageWithChart(interaction, page, 'reply', context.logger);
  },
};
