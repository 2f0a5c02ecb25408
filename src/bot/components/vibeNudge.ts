// A nudge button moves one slider and edits the vibe reply in place; only its author may press it.
// Vibes with limits keep their state in their chain ("tune" ids), the others in the id ("nudge").
import { UserFacingError } from '../../core/errors.ts';
import type { ComponentHandler } from '../command.ts';
import { ExpiredComponentError } from '../customIds.ts';
import { loadChain } from '../lists/chains.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { vibePage } from '../vibePage.ts';
import {
  applyNudge,
  CHAIN_NUDGE_PREFIX,
  decodeChainNudge,
  decodeNudge,
  NUDGE_PREFIX,
  type VibeState,
} from '../vibeState.ts';
import { CHAIN_ID_PATTERN } from '../../db/listChains.ts';

const NOT_YOURS = 'Only the person who asked can change this vibe. Try /similar-vibe yourself!';

export const vibeNudge: ComponentHandler = {
  prefix: NUDGE_PREFIX,
  async handle(interaction, context) {
    const author = interaction.message.interactionMetadata?.user.id;
    if (author && author !== interaction.user.id) throw new UserFacingError(NOT_YOURS);
    const page = vibePage(context, interaction.user.id, decodeNudge(interaction.customId));
    await sendPageWithChart(interaction, page, 'update', context.logger);
  },
};

export const vibeChainNudge: ComponentHandler = {
  prefix: CHAIN_NUDGE_PREFIX,
  async handle(interaction, context) {
    const { chainId, move } = decodeChainNudge(interaction.customId);
    if (!CHAIN_ID_PATTERN.test(chainId)) throw new ExpiredComponentError();
    const { state, userId } = loadChain(context.db, chainId);
    if (state.kind !== 'vibe') throw new ExpiredComponentError();
    if (userId !== interaction.user.id) throw new UserFacingError(NOT_YOURS);
    const next: VibeState = {
      targets: applyNudge(state.targets, move),
      count: state.count,
      genre: state.genre,
      popularity: state.popularity,
      ...(state.limits ? { limits: state.limits } : {}),
    };
    const page = vibePage(context, interaction.user.id, next);
    await sendPageWithChart(interaction, page, 'update', context.logger);
  },
};
