// A CSV attached to /retrain: checked by its declared name and size, streamed into the uploads folder
// under a name the bot makes (nothing from the payload becomes a path), and deleted once training
// is over, whether it succeeded or not.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { downloadToFile, UploadRefusedError } from './attachmentDownload.ts';
import { shownFileName } from './replyText.ts';

/** What an attachment says of itself; all of it comes from the payload and is checked here. */
export interface AttachedFile {
  name: unknown;
  size: unknown;
  url: string;
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Where Discord serves attachments from: nothing else is ever fetched for an upload. */
export const DISCORD_FILE_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

/**
 * The origins an attachment may be fetched from: Discord's file servers, plus the origin of
 * DISCORD_API_URL when set (a proxy in front of Discord, or the stand-in the tests run), which
 * serves its files from the same origin as its API.
 */
export function attachmentOrigins(discordApiUrl: string | undefined): string[] {
  return discordApiUrl
    ? [...DISCORD_FILE_ORIGINS, new URL(discordApiUrl).origin]
    : DISCORD_FILE_ORIGINS;
}
const UPLOAD_FILE = /^upload-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv$/;

/** The folder uploads are kept in while they train: `uploads/` beside the training data. */
export function uploadsDirFor(dataPath: string): string {
  return resolve(dirname(dataPath), 'uploads');
}

/** Whether a path names one of the bot's upload files (deleted after training, named by the bot). */
export function isUploadFile(path: string): boolean {
  return UPLOAD_FILE.test(basename(path));
}

export class UploadedCsv {
  /** The attached file's name, safe to show in a reply. */
  readonly shownName: string;
  #path: string | undefined;

  constructor(
    private readonly attachment: AttachedFile,
    private readonly dir: string,
    private readonly maxMb: number,
    private readonly origins: readonly string[],
  ) {
    this.shownName = shownFileName(attachment.name);
  }

  /** Checks the attachment's name, origin and declared size, then streams it into a new file; returns its path. */
  async save(): Promise<string> {
    const bytes = this.#checkedSize();
    const url = this.#checkedUrl();
    await mkdir(this.dir, { recursive: true });
    await removeLeftovers(this.dir);
    const path = join(this.dir, `upload-${randomUUID()}.csv`);
    this.#path = path;
    await downloadToFile({
      url,
      path,
      bytes,
      shownName: this.shownName,
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
    });
    return path;
  }

  /** The text with the upload's path put as the admin knows the file: by the name they attached. */
  describeIn(text: string): string {
    return this.#path ? text.replaceAll(this.#path, `"${this.shownName}"`) : text;
  }

  /** Deletes the saved file, if any. */
  async discard(): Promise<void> {
    if (this.#path) await rm(this.#path, { force: true });
  }

  // A forged interaction may point anywhere (127.0.0.1, a cloud metadata address, an internal
  // service): the bot fetches only from where Discord keeps attachments, compared by origin so
  // that user:password@ prefixes, other ports and other schemes do not pass.
  #checkedUrl(): string {
    const { url } = this.attachment;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !this.origins.includes(parsed.origin)) {
      throw new UploadRefusedError(
        `"${this.shownName}" is not on Discord's file servers, so it was not fetched. Attach it again.`,
      );
    }
    return parsed.href;
  }

  #checkedSize(): number {
    const { name, size } = this.attachment;
    if (typeof name !== 'string' || !name.toLowerCase().endsWith('.csv')) {
      throw new UploadRefusedError(
        `"${this.shownName}" is not a .csv file. Attach a CSV of tracks.`,
      );
    }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      throw new UploadRefusedError(
        `"${this.shownName}" does not say how large it is, so it was not fetched. Attach it again.`,
      );
    }
    if (size > this.maxMb * 1024 * 1024) {
      const mb = (size / 1024 / 1024).toFixed(1);
      throw new UploadRefusedError(
        `"${this.shownName}" is ${mb} MB; the limit is ${this.maxMb} MB (RETRAIN_MAX_UPLOAD_MB).`,
      );
    }
    return size;
  }
}

// Uploads outlive their retrain only when the bot was killed during one; one retrain runs at a
// time, so whatever is left when the next starts is no longer needed.
async function removeLeftovers(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(
    names
      .filter((name) => UPLOAD_FILE.test(name))
      .map((name) => rm(join(dir, name), { force: true })),
  );
}
