// A nudge button moves one slider and edits the vibe reply in place; only its author may press it.
import { UserFacingError } from '../../core/errors.ts';
import type { ComponentHandler } from '../command.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { vibePage } from '../vibePage.ts';
import { decodeNudge, NUDGE_PREFIX } from '../vibeState.ts';

export const vibeNudge: ComponentHandler = {
  prefix: NUDGE_PREFIX,
  async handle(interaction, context) {
    const author = interaction.message.interactionMetadata?.user.id;
    if (author && author !== interaction.user.id) {
      throw new UserFacingError(
        'Only the person who asked can change this vibe. Try /similar-vibe yourself!',
      );
    }
    const page = vibePage(context, interaction.user.id, decodeNudge(interaction.customId));
    await sendPageWithChart(interaction, page, 'update', context.logger);
  },
};
