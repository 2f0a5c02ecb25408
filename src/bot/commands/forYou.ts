// /for-you: a list from the listener's own likes (their 5 most recent liked songs still in the
// model, as seeds), leaving out every song they rated; only they see it.
import { SlashCommandBuilder } from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';
import { MAX_SEEDS } from '../../core/queries/index.ts';
import type { TrackCatalog } from '../../core/catalog/index.ts';
import type { SlashCommand } from '../command.ts';
import { listenerStores } from '../listeners/stores.ts';
import { listenerTaste } from '../listeners/taste.ts';
import type { RecommendListState } from '../lists/listState.ts';
import { popularityChoice, popularityOption } from '../popularityOption.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { startRecommendList } from '../recommendPage.ts';

export const forYouCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('for-you')
    .setDescription('Songs for you, from the songs you liked (only you see the list)')
    .addIntegerOption((o) =>
      o
        .setName('count')
        .setDescription('How many songs (default 5)')
        .setMinValue(1)
        .setMaxValue(10),
    )
    .addStringOption((o) => popularityOption(o)),

  async execute(interaction, context) {
    const { catalog } = context.model;
    const userId = interaction.user.id;
    const seeds = latestLikedSongs(catalog, listenerTaste(context.db, catalog, userId).likes);
    if (seeds.length === 0) {
      const { likes } = listenerStores(context.db).ratings.counts(userId);
      throw new UserFacingError(
        likes === 0
          ? 'You have not liked any songs yet. Mark some with the "Rate these" menu under a ' +
              '/recommend or /similar-vibe list, then try /for-you again.'
          : 'None of the songs you liked is in the current model (it was retrained since). ' +
              'Like a few more from a /recommend list, then try again.',
      );
    }
    const state: RecommendListState = {
      kind: 'recommend',
      seeds: seeds.map((index) => catalog.columns.ids.at(index) as string),
      count: interaction.options.getInteger('count') ?? 5,
      sameGenre: false,
      noExplicit: false,
      genre: '',
      excludeArtist: '',
      popularity: popularityChoice(interaction),
      forYou: true,
      private: true,
    };
    const page = startRecommendList(context, userId, state);
    await sendPageWithChart(interaction, page, 'reply', context.logger);
  },
};

/** The newest liked tracks, one per song (two releases cannot both be seeds), at most 5. */
function latestLikedSongs(catalog: TrackCatalog, likes: readonly number[]): number[] {
  const songs = new Set<number>();
  const seeds: number[] = [];
  for (const index of likes) {
    const song = catalog.songIds[index] as number;
    if (songs.has(song)) continue;
    songs.add(song);
    seeds.push(index);
    if (seeds.length === MAX_SEEDS) break;
  }
  return seeds;
}
