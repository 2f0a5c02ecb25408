// /retrain (admins): trains a new model in a child process and swaps it in without a restart.
import {
  PermissionFlagsBits,
  SlashCommandBuilder,
  InteractionContextType,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';
import type { SlashCommand } from '../command.ts';
import type { BotContext, ServedModel } from '../context.ts';
import { chartAttachment } from '../featureCharts.ts';
import {
  comparisonEmbed,
  LOSS_CHART,
  progressLine,
  renderRunLosses,
} from '../retrain/retrainReport.ts';
import { swapInPublishedRun } from '../retrain/swapModel.ts';
import { saveUploadedCsv } from '../retrain/uploadedCsv.ts';
import { TrainingFailedError } from '../retrain/trainingProcess.ts';
import { dirname } from 'node:path';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

/** Progress edits go out at most this often (Discord rate limits webhook edits). */
export const PROGRESS_INTERVAL_MS = 2000;

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
    ),

  async execute(interaction, context) {
    assertAdmin(interaction, context);
    const running = context.retrainer.current;
    if (running) {
      const where = running.epochs > 0 ? `epoch ${running.epoch}/${running.epochs}` : running.stage;
      throw new UserFacingError(
        `A retrain is already running (${where}). Try again when it has finished.`,
      );
    }
    const { config } = context;
    const attachment = interaction.options.getAttachment('csv');
    const epochs = interaction.options.getInteger('epochs');
    let uploadPath: string | undefined;
    const prepareArgs = async () => {
      if (attachment) {
        uploadPath = await saveUploadedCsv(
          attachment,
          dirname(config.dataPath),
          config.retrainMaxUploadMb,
        );
      }
      const dataPath = uploadPath ?? currentDataPath(context);
      context.logger.info({ user: interaction.user.id, dataPath, epochs }, 'retrain started');
      const args = ['--data', dataPath, '--db', config.dbPath, '--models', config.modelsDir];
      return epochs === null ? args : [...args, '--epochs', String(epochs)];
    };

    const before = context.model.run;
    let lastEdit = 0;
    const edits: Promise<unknown>[] = [];
    const training = context.retrainer.retrain({
      prepareArgs,
      timeoutMs: config.retrainTimeoutSeconds * 1000,
      onEvent: (event) => {
        const line = progressLine(event);
        if (!line || Date.now() - lastEdit < PROGRESS_INTERVAL_MS) return;
        lastEdit = Date.now();
        edits.push(interaction.editReply(line).catch(() => {}));
      },
    });
    // Handled below once the reply is deferred; without this a failure while deferring (an
    // attachment that is not a CSV) would be an unhandled rejection, which ends the process.
    training.catch(() => {});
    await interaction.deferReply();
    const failed = async (why: string) => {
      await Promise.all(edits);
      context.logger.warn({ why }, 'retrain failed; the previous model keeps serving');
      if (uploadPath) {
        // The admin knows the file by the name they attached, not where it was saved.
        why = why.replaceAll(uploadPath, `"${attachment?.name}"`);
        await rm(uploadPath, { force: true });
      }
      await interaction.editReply(
        `Retraining failed: ${why}\nThe previous model (\`${before.id}\`) keeps serving.`.slice(
          0,
          2000,
        ),
      );
    };
    let publishedRunId: string;
    try {
      publishedRunId = (await training).runId;
    } catch (error) {
      if (!(error instanceof TrainingFailedError) && !(error instanceof UserFacingError))
        throw error;
      return failed(error.message);
    }
    await Promise.all(edits);
    // Swap only to the run this training says it published, and only once it loads whole.
    let loaded: ServedModel;
    try {
      loaded = swapInPublishedRun(context, publishedRunId);
    } catch (error) {
      return failed(`the new run cannot be served (${(error as Error).message})`);
    }
    context.logger.info(
      { run: loaded.run.id, tracks: loaded.catalog.size },
      'retrain published; model swapped',
    );
    const after = loaded.run;
    const chart = await chartAttachment(
      LOSS_CHART,
      () => renderRunLosses(before, after),
      context.logger,
    );
    const embed = comparisonEmbed(before, after);
    if (chart) embed.setImage(`attachment://${LOSS_CHART}`);
    await interaction.editReply({ content: '', embeds: [embed], files: chart ? [chart] : [] });
  },
};

function assertAdmin(interaction: ChatInputCommandInteraction, { config }: BotContext): void {
  const isAdministrator =
    interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.Administrator);
  if (!isAdministrator || !config.adminUserIds.includes(interaction.user.id)) {
    throw new UserFacingError(
      'Only server administrators listed in ADMIN_USER_IDS can retrain the model.',
    );
  }
}

function currentDataPath({ config, model }: BotContext): string {
  if (existsSync(config.dataPath)) return config.dataPath;
  if (existsSync(model.run.dataFile)) return model.run.dataFile;
  throw new UserFacingError(`No training data at ${config.dataPath}. Attach a CSV to /retrain.`);
}
