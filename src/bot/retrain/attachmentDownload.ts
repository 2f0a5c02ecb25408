// Streams an attachment to a new file, counting bytes as they arrive: a body larger than the
// attachment declared is cut off at that size (the connection dropped) and refused, so no body,
// whatever a server sends, is ever held in memory or written past its declared size.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { UserFacingError } from '../../core/errors.ts';

/** The attachment could not be fetched whole, or was not what it declared; nothing was kept. */
export class UploadRefusedError extends UserFacingError {
  override name = 'UploadRefusedError';
}

export interface Download {
  url: string;
  /** Where to write; the file must not exist yet. */
  path: string;
  /** The size the attachment declares: exactly this many bytes are accepted. */
  bytes: number;
  /** How the file is named in messages. */
  shownName: string;
  timeoutMs: number;
}

/** Fetches `download.url` into `download.path`; on any failure the partial file is removed. */
export async function downloadToFile(download: Download): Promise<void> {
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(download.timeoutMs)]);
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > download.bytes) done(new UploadRefusedError(tooLarge(download)));
      else done(null, chunk);
    },
  });
  try {
    // Redirects are refused: the origin was checked, and a redirect would lead anywhere.
    const response = await fetch(download.url, { signal, redirect: 'error' });
    if (!response.ok || !response.body) {
      throw new UploadRefusedError(
        `Could not fetch "${download.shownName}" (HTTP ${response.status}). Try again.`,
      );
    }
    const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    // 'wx': a new file only; an existing one (or a link planted at the path) is never written through.
    const file = createWriteStream(download.path, { flags: 'wx', mode: 0o600 });
    await pipeline(body, counter, file, { signal });
    if (received < download.bytes) {
      throw new UploadRefusedError(
        `"${download.shownName}" arrived incomplete (${formatBytes(received)} of ${formatBytes(download.bytes)}). Attach it again.`,
      );
    }
  } catch (error) {
    const timedOut = signal.aborted;
    stop.abort();
    await rm(download.path, { force: true });
    throw refusal(error, download, timedOut);
  }
}

function tooLarge(download: Download): string {
  return `"${download.shownName}" holds more than the ${formatBytes(download.bytes)} its attachment declares; the download was stopped and nothing was kept.`;
}

function refusal(error: unknown, download: Download, timedOut: boolean): UploadRefusedError {
  if (error instanceof UploadRefusedError) return error;
  if (timedOut) {
    return new UploadRefusedError(
      `Fetching "${download.shownName}" took longer than ${Math.round(download.timeoutMs / 1000)} s; try again.`,
    );
  }
  const why = error instanceof Error ? (error.cause as Error | undefined)?.message : undefined;
  return new UploadRefusedError(
    `Could not fetch "${download.shownName}"${why ? ` (${why})` : ''}. Try again.`,
  );
}

/** A size for people: bytes, then KB and MB with at most one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}
