// What /retrain shows: progress while it runs, then old and new metrics side by side.
import { EmbedBuilder } from 'discord.js';
import { chartThread } from '../../charts/chartThread.ts';
import type { LossRun } from '../../charts/index.ts';
import { formatCount } from '../../core/queries/index.ts';
import type { RunRecord } from '../../db/runTypes.ts';
import type { TrainingEvent } from '../../train/events.ts';
import { EMBED_COLOUR } from '../embeds/recommendationReply.ts';
import { fitReply } from './replyText.ts';
import { isUploadFile } from './uploadedCsv.ts';

/** One line of progress for the deferred reply, or undefined for events not worth showing. */
export function progressLine(event: TrainingEvent): string | undefined {
  if (event.type === 'epoch') {
    return `Training: epoch ${event.epoch}/${event.epochs}, validation loss ${event.valLoss.toFixed(5)}, about ${Math.ceil(event.etaSeconds)} s left`;
  }
  if (event.type === 'stage' && event.state === 'start') return `Retraining: ${event.stage}...`;
  return undefined;
}

/** The reply when retraining failed: why, cut to fit, always ending with the run that serves on. */
export function failureReply(why: string, before: RunRecord): string {
  return fitReply(
    `Retraining failed: ${why}\nThe previous model (\`${before.id}\`) keeps serving.`,
  );
}

/**
 * The final embed comparing the run that served before with the new one; `uploadName` is the name
 * (made safe to show) of the file the new run trained on when it was attached.
 */
export function comparisonEmbed(
  before: RunRecord,
  after: RunRecord,
  uploadName?: string,
): EmbedBuilder {
  const row = (run: RunRecord, data: string) =>
    [
      `run \`${run.id}\``,
      `${formatCount(run.counts.tracks)} tracks`,
      `validation MSE ${run.metrics.valMse.toFixed(5)} (mean baseline ${run.metrics.meanBaselineMse.toFixed(5)})`,
      `${run.metrics.epochsRun} epochs`,
      `data ${data}`,
    ].join('\n');
  return new EmbedBuilder()
    .setColor(EMBED_COLOUR)
    .setTitle('Retrained: the new model is live')
    .addFields(
      { name: 'Before', value: row(before, dataName(before)), inline: true },
      { name: 'Now', value: row(after, uploadName ?? dataName(after)), inline: true },
    );
}

// An upload's file is named by the bot and deleted after training: its name would tell nobody anything.
function dataName(run: RunRecord): string {
  if (isUploadFile(run.dataFile)) return 'an upload (deleted after training)';
  return run.dataFile.split(/[\\/]/).at(-1) ?? run.dataFile;
}

export const LOSS_CHART = 'loss-curves.png';

/** Training and validation loss per epoch of the new run beside the previous one's. */
export function renderRunLosses(before: RunRecord, after: RunRecord): Promise<Buffer> {
  return chartThread.render({
    kind: 'loss',
    input: {
      runs: [
        lossRun(before, `Previous run (${before.id})`, 'faint'),
        lossRun(after, 'New run', 'primary'),
      ],
    },
  });
}

function lossRun(run: RunRecord, label: string, emphasis: LossRun['emphasis']): LossRun {
  const { loss, valLoss } = run.metrics.history;
  return { label, loss, valLoss, emphasis };
}
