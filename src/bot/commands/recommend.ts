// /recommend song: [song2 ... song5]: the songs that sound most like one to five songs, with
// filters; the list is a chain (More like this never repeats), rated and taken away as a playlist.
import { SlashCommandBuilder } from 'discord.js';
import { searchGenres, searchTitles } from '../../core/queries/index.ts';
import type { SlashCommand } from '../command.ts';
import type { RecommendListState } from '../lists/listState.ts';
import { resolveSeedOptions, SONG_OPTIONS } from '../lists/seedOptions.ts';
import { limitsChoice, limitsOption } from '../limitsOption.ts';
import { popularityChoice, popularityOption } from '../popularityOption.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { startRecommendList } from '../recommendPage.ts';

const data = new SlashCommandBuilder()
  .setName('recommend')
  .setDescription('Songs that sound like one you like (or like up to 5 of them)')
  .addStringOption((o) =>
    o
      .setName('song')
      .setDescription('Start typing a title and pick it, or paste a Spotify track link')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addIntegerOption((o) =>
    o.setName('count').setDescription('How many songs (default 5)').setMinValue(1).setMaxValue(10),
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
  .addStringOption((o) => popularityOption(o));
for (const name of SONG_OPTIONS.slice(1)) {
  data.addStringOption((o) =>
    o
      .setName(name)
      .setDescription('Another song you like: results suit each of your songs')
      .setAutocomplete(true)
      .setMaxLength(200),
  );
}

data.addStringOption((o) => limitsOption(o));

export const recommendCommand: SlashCommand = {
  data,

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

  async execute(interaction, context) {
    const { trackIds, alternatives } = resolveSeedOptions(context.model.catalog, interaction);
    const limits = limitsChoice(interaction);
    const state: RecommendListState = {
      kind: 'recommend',
      seeds: trackIds,
      count: interaction.options.getInteger('count') ?? 5,
      sameGenre: interaction.options.getBoolean('same_genre') ?? false,
      noExplicit: interaction.options.getBoolean('no_explicit') ?? false,
      genre: interaction.options.getString('genre') ?? '',
      excludeArtist: interaction.options.getString('exclude_artist') ?? '',
      popularity: popularityChoice(interaction),
      forYou: false,
      private: false,
      ...(limits ? { limits } : {}),
    };
    const page = startRecommendList(context, interaction.user.id, state, { alternatives });
    await sendPageWithChart(interaction, page, 'reply', context.logger);
  },
};
