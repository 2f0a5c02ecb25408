// What an admin asked of /retrain, read from the interaction: whether they may, how many epochs, and
// which upload. A csv option that arrived without its file is refused, not read as "no file".
import type { ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';
import { ColumnMappingError, parseColumnMapping } from '../../data/columnMapping.ts';
import type { ColumnMapping } from '../../data/columnMapping.ts';
import type { Config } from '../../config.ts';
import type { BotContext } from '../context.ts';
import { hasAdministratorBit, memberPermissions } from './permissions.ts';
import { attachmentOrigins, UploadedCsv, uploadsDirFor } from './uploadedCsv.ts';

export interface RetrainOptions {
  userId: string;
  /** Most epochs, or null for the training's default. */
  epochs: number | null;
  /** The attached CSV to train on, or undefined for the current data. */
  upload: UploadedCsv | undefined;
  /** Columns to take for fields (the `columns` option), or undefined to go by names alone. */
  columns: ColumnMapping | undefined;
}

/** Throws a UserFacingError unless a listed administrator asks while no retrain runs. */
export function assertMayRetrain(
  interaction: ChatInputCommandInteraction,
  { config, retrainer }: Pick<BotContext, 'config' | 'retrainer'>,
): void {
  const isAdministrator =
    interaction.inGuild() && hasAdministratorBit(memberPermissions(interaction));
  if (!isAdministrator || !config.adminUserIds.includes(interaction.user.id)) {
    throw new UserFacingError(
      'Only server administrators listed in ADMIN_USER_IDS can retrain the model.',
    );
  }
  const running = retrainer.current;
  if (running) {
    const where = running.epochs > 0 ? `epoch ${running.epoch}/${running.epochs}` : running.stage;
    throw new UserFacingError(
      `A retrain is already running (${where}). Try again when it has finished.`,
    );
  }
}

/** The epochs, upload and column mapping asked for; a malformed mapping is refused before any work. */
export function readRetrainOptions(
  interaction: ChatInputCommandInteraction,
  config: Pick<Config, 'dataPath' | 'retrainMaxUploadMb' | 'discordApiUrl'>,
): RetrainOptions {
  const csv = interaction.options.get('csv');
  if (csv && !csv.attachment) {
    throw new UserFacingError(
      'The attached CSV did not arrive with the command (Discord sent no file for it). Attach it again, or leave the csv option out to retrain on the current data.',
    );
  }
  const upload = csv?.attachment
    ? new UploadedCsv(
        csv.attachment,
        uploadsDirFor(config.dataPath),
        config.retrainMaxUploadMb,
        attachmentOrigins(config.discordApiUrl),
      )
    : undefined;
  return {
    userId: interaction.user.id,
    epochs: interaction.options.getInteger('epochs'),
    upload,
    columns: readColumns(interaction.options.getString('columns')),
  };
}

function readColumns(text: string | null): ColumnMapping | undefined {
  if (text === null) return undefined;
  try {
    return parseColumnMapping(text);
  } catch (error) {
    if (!(error instanceof ColumnMappingError)) throw error;
    throw new UserFacingError(`The columns option cannot be used: ${error.message}.`);
  }
}
