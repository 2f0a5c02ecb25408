// /recommend song: the five tracks that sound most like a song, with filters and paging.
import { SlashCommandBuilder } from 'discord.js';
import { searchGenres } from '../../core/queries/index.ts';
import { resolveTrack } from '../../core/queries/index.ts';
import { searchTitles } from '../../core/queries/index.ts';
import type { SlashCommand } from '../command.ts';
import { popularityChoice, popularityOption } from '../popularityOption.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { recommendPage } from '../recommendPage.ts';

export const recommendCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('recommend')
    .setDescription('Songs that sound like one you like')
    .addStringOption((o) =>
      o
        .setName('song')
        .setDescription('Start typing a title and pick it, or paste a Spotify track link')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .addIntegerOption((o) =>
      o
        .setName('count')
        .setDescription('How many songs (default 5)')
        .setMinValue(1)
        .setMaxValue(10),
    )
    .addStringOption((o) =>
      o
        .setName('genre')
        .setDescription('Only songs of this genre')
        .setAutocomplete(true)
        .setMaxLength(30),
    )
    .addBooleanOption((o) =>
      o.setName('same_genre').setDescription('Only songs sharing a genre with yours'),
    )
    .addBooleanOption((o) => o.setName('no_explicit').setDescription('Leave out explicit songs'))
    .addStringOption((o) =>
      o.setName('exclude_artist').setDescription('Leave out songs by this artist').setMaxLength(40),
    )
    .addStringOption((o) => popularityOption(o)),

  async autocomplete(interaction, { model }) {
    const focused = interaction.options.getFocused(true);
    const choices =
      focused.name === 'genre'
        ? searchGenres(model.catalog, focused.value).map((g) => ({
            name: `${g.name} (${g.count})`,
            value: g.name,
          }))
        : searchTitles(model.catalog, focused.value).map((m) => ({
            name: m.label,
            value: m.value,
          }));
    await interaction.respond(choices.slice(0, 25));
  },

  async execute(interaction, { model, logger }) {
    const resolved = resolveTrack(model.catalog, interaction.options.getString('song', true));
    const alternatives = resolved.match === 'id' ? [] : resolved.alternatives.map((a) => a.label);
    const page = recommendPage(
      model,
      {
        trackId: resolved.track.id,
        offset: 0,
        count: interaction.options.getInteger('count') ?? 5,
        sameGenre: interaction.options.getBoolean('same_genre') ?? false,
        noExplicit: interaction.options.getBoolean('no_explicit') ?? false,
        genre: interaction.options.getString('genre') ?? '',
        excludeArtist: interaction.options.getString('exclude_artist') ?? '',
        popularity: popularityChoice(interaction),
      },
      resolved.match === 'exact' ? [] : alternatives,
    );
    await sendPageWithChart(interaction, page, 'reply', logger);
  },
};
