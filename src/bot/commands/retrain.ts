// /retrain (admins): trains a new model in a child process and swaps it in without a restart.
import {
  PermissionFlagsBits,
  SlashCommandBuilder,
  InteractionContextType,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { RunRecord } from '../../db/runTypes.ts';
import type { SlashCommand } from '../command.ts';
import type { BotContext, ServedModel } from '../context.ts';
import { chartAttachment } from '../featureCharts.ts';
import { ProgressEdits } from '../retrain/progressEdits.ts';
import {
  comparisonEmbed,
  failureReply,
  LOSS_CHART,
  renderRunLosses,
} from '../retrain/retrainReport.ts';
import { assertMayRetrain, readRetrainOptions } from '../retrain/retrainOptions.ts';
import { serveTrainedRun, startTraining, trainingOutcome } from '../retrain/trainingRun.ts';
import { takeStoreRetrainLock } from '../rollout/storeRetrainLock.ts';

export const retrainCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('retrain')
    .setDescription('Admins: retrain the model (optionally on an attached CSV) and swap it in')
    .setDefaultMemberPermissions(PermissionFlagsBits.Administrator)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) =>
      o
        .setName('epochs')
        .setDescription('Most epochs (default 10)')
        .setMinValue(1)
        .setMaxValue(200),
    )
    .addAttachmentOption((o) =>
      o.setName('csv').setDescription('A CSV of tracks to train on instead of the current data'),
    )
    .addStringOption((o) =>
      o
        .setName('columns')
        .setDescription(
          'Columns for fields the CSV names its own way, e.g. title=song,artists=singer',
        )
        .setMaxLength(500),
    ),

  async execute(interaction, context) {
    assertMayRetrain(interaction, context);
    const asked = readRetrainOptions(interaction, context.config);
    // With a run store, one trainer across every replica; held until the new run serves here.
    const lock = takeStoreRetrainLock(context, interaction.user);
    try {
      const before = context.model.run;
      const progress = new ProgressEdits((line) => interaction.editReply(line));
      const training = startTraining(context, asked, progress.onEvent);
      await interaction.deferReply();
      const trained = await trainingOutcome(training, asked.upload);
      await progress.settled();
      const served = 'runId' in trained ? await serveTrainedRun(context, trained.runId) : trained;
      if ('failure' in served) return replyFailed(interaction, context, before, served.failure);
      await replyRetrained(interaction, context, before, served.model, asked.upload?.shownName);
    } finally {
      lock?.release();
    }
  },
};

async function replyFailed(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  before: RunRecord,
  why: string,
): Promise<void> {
  context.logger.warn({ why }, 'retrain failed; the previous model keeps serving');
  await interaction.editReply(failureReply(why, before));
}

async function replyRetrained(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  before: RunRecord,
  served: ServedModel,
  uploadName: string | undefined,
): Promise<void> {
  const chart = await chartAttachment(
    LOSS_CHART,
    () => renderRunLosses(before, served.run),
    context.logger,
  );
  const embed = comparisonEmbed(before, served.run, uploadName);
  if (chart) embed.setImage(`attachment://${LOSS_CHART}`);
  await interaction.editReply({ content: '', embeds: [embed], files: chart ? [chart] : [] });
}
