// The answer to /forget-me's question: deletes every row about the listener who pressed it
// (never anyone else's, whatever the custom id says), or nothing.
import { UserFacingError } from '../../core/errors.ts';
import { forgetListener } from '../../db/forgetListener.ts';
import type { ComponentHandler } from '../command.ts';
import { storedRows } from '../commands/forgetMe.ts';
import { ExpiredComponentError } from '../customIds.ts';
import { decodeForgetAnswer, FORGET_CONFIRM_SECONDS, FORGET_PREFIX } from '../forgetIds.ts';

export const forgetConfirm: ComponentHandler = {
  prefix: FORGET_PREFIX,
  async handle(interaction, { db }) {
    const { confirmed, userId, askedAt } = decodeForgetAnswer(interaction.customId);
    if (userId !== interaction.user.id) throw new ExpiredComponentError();
    if (!confirmed) {
      await interaction.update({ content: 'Nothing was deleted.', components: [] });
      return;
    }
    if (Date.now() - askedAt > FORGET_CONFIRM_SECONDS * 1000) {
      throw new UserFacingError('This question has expired: run /forget-me again.');
    }
    const deleted = forgetListener(db, userId);
    await interaction.update({
      content: `Done: deleted ${storedRows(deleted)}. NextBeat keeps nothing else about you.`,
      components: [],
    });
  },
};
