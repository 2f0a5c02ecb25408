// Saves a CSV attached to /retrain into data/uploads/, after checking its name and size.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Attachment } from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';

/** Downloads the attachment to a file of its own and returns the path. */
export async function saveUploadedCsv(
  attachment: Attachment,
  dataDir: string,
  maxMb: number,
): Promise<string> {
  if (!attachment.name.toLowerCase().endsWith('.csv')) {
    throw new UserFacingError(`"${attachment.name}" is not a .csv file. Attach a CSV of tracks.`);
  }
  if (attachment.size > maxMb * 1024 * 1024) {
    const mb = (attachment.size / 1024 / 1024).toFixed(1);
    throw new UserFacingError(
      `"${attachment.name}" is ${mb} MB; the limit is ${maxMb} MB (RETRAIN_MAX_UPLOAD_MB).`,
    );
  }
  const response = await fetch(attachment.url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok)
    throw new UserFacingError(
      `Could not fetch the attachment (HTTP ${response.status}). Try again.`,
    );
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxMb * 1024 * 1024) {
    throw new UserFacingError(`The attachment is larger than ${maxMb} MB (RETRAIN_MAX_UPLOAD_MB).`);
  }
  const dir = resolve(dataDir, 'uploads');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${attachment.id}.csv`);
  await writeFile(path, bytes);
  return path;
}
