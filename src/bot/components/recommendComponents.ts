// "More like this" (next page, edited in place) and "Recommend from one of these" (a new reply).
import type { ComponentHandler } from '../command.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { ExpiredComponentError } from '../customIds.ts';
import { recommendPage } from '../recommendPage.ts';
import { decodePickState, decodeRecommendState, RECOMMEND_PREFIXES } from '../recommendState.ts';

export const moreLikeThis: ComponentHandler = {
  prefix: RECOMMEND_PREFIXES.more,
  async handle(interaction, { model, logger }) {
    const state = decodeRecommendState(interaction.customId);
    await sendPageWithChart(interaction, recommendPage(model, state), 'update', logger);
  },
};

export const recommendFromPick: ComponentHandler = {
  prefix: RECOMMEND_PREFIXES.pick,
  async handle(interaction, { model, logger }) {
    const { count, popularity } = decodePickState(interaction.customId);
    const trackId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    if (!trackId) throw new ExpiredComponentError();
    const state = {
      trackId,
      offset: 0,
      count,
      sameGenre: false,
      noExplicit: false,
      genre: '',
      excludeArtist: '',
      popularity,
    };
    await sendPageWithChart(interaction, recommendPage(model, state), 'reply', logger);
  },
};
