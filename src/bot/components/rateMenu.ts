// "Rate these": the listener's likes and "not for me"s, stored only now that they chose them,
// acknowledged privately (no one else sees what someone rated).
import { MessageFlags } from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';
import { formatTrackLabel } from '../../core/queries/index.ts';
import type { Rating } from '../../db/listenerRatings.ts';
import type { ComponentHandler } from '../command.ts';
import type { ServedModel } from '../context.ts';
import { ExpiredComponentError } from '../customIds.ts';
import { listenerStores } from '../listeners/stores.ts';
import { loadChain } from '../lists/chains.ts';
import { chainIdOf, LIST_PREFIXES, parseRatingValue } from '../lists/listIds.ts';

export const rateMenu: ComponentHandler = {
  prefix: LIST_PREFIXES.rate,
  async handle(interaction, context) {
    const chain = loadChain(context.db, chainIdOf(LIST_PREFIXES.rate, interaction.customId));
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const picks = new Map<string, Rating>();
    for (const { rating, trackId } of values.map(parseRatingValue)) {
      // Only the tracks this list showed can be rated from it.
      if (!chain.shown.includes(trackId)) throw new ExpiredComponentError();
      if (picks.has(trackId) && picks.get(trackId) !== rating) {
        throw new UserFacingError(
          `You picked both "like" and "not for me" for ${labelOf(context.model, trackId)}: pick one.`,
        );
      }
      picks.set(trackId, rating);
    }
    if (picks.size === 0) throw new ExpiredComponentError();
    const { ratings } = listenerStores(context.db);
    const at = Date.now();
    context.db.transaction(() => {
      for (const [trackId, rating] of picks) ratings.rate(interaction.user.id, trackId, rating, at);
    })();
    await interaction.reply({
      content: acknowledgement(context.model, picks),
      flags: MessageFlags.Ephemeral,
    });
  },
};

function acknowledgement(model: ServedModel, picks: ReadonlyMap<string, Rating>): string {
  const named = (rating: Rating) =>
    [...picks].filter(([, r]) => r === rating).map(([id]) => labelOf(model, id));
  const liked = named('like');
  const disliked = named('dislike');
  return [
    'Saved, for you only.',
    liked.length > 0 ? `👍 ${liked.join('; ')}` : '',
    disliked.length > 0 ? `👎 ${disliked.join('; ')}: you will not be shown these again.` : '',
    'Your ratings steer your next lists (try /for-you); /forget-me deletes them.',
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, 2000);
}

function labelOf(model: ServedModel, trackId: string): string {
  const index = model.catalog.indexOfId(trackId);
  return index >= 0 ? formatTrackLabel(model.catalog.track(index), 80) : trackId;
}
