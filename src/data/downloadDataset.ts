// Fetches the public data set for a user who has none yet: streamed to a temp file, renamed when complete.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** Raised when the data set cannot be downloaded; says where to put the file by hand. */
export class DownloadError extends Error {
  constructor(url: string, destination: string, reason: string) {
    super(
      `Could not download the data set from ${url} (${reason}).\n` +
        `Download it yourself and save it as ${destination}, or pass --data <file.csv>.`,
    );
    this.name = 'DownloadError';
  }
}

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length; undefined when the server does not say. */
  totalBytes: number | undefined;
}

/** Downloads `url` to `destination` atomically (a `.part` file renamed at the end). */
export async function downloadDataset(
  url: string,
  destination: string,
  onProgress: (progress: DownloadProgress) => void = () => {},
  { timeoutMs = 30_000 } = {},
): Promise<{ bytes: number }> {
  const partPath = `${destination}.part`;
  await mkdir(dirname(destination), { recursive: true });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new DownloadError(url, destination, describeFetchFailure(error));
  }
  if (!response.ok || !response.body) {
    throw new DownloadError(url, destination, `HTTP ${response.status} ${response.statusText}`);
  }
  const length = Number(response.headers.get('content-length'));
  const totalBytes = Number.isFinite(length) && length > 0 ? length : undefined;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onProgress({ bytes, totalBytes });
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream),
      counter,
      createWriteStream(partPath),
    );
    if (totalBytes !== undefined && bytes !== totalBytes) {
      throw new Error(`connection closed after ${bytes} of ${totalBytes} bytes`);
    }
    await rename(partPath, destination);
  } catch (error) {
    await rm(partPath, { force: true });
    throw error instanceof DownloadError
      ? error
      : new DownloadError(url, destination, describeFetchFailure(error));
  }
  return { bytes };
}

function describeFetchFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error.name === 'TimeoutError') return 'timed out; are you offline?';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'no network: host not found';
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  return cause?.message ?? error.message;
}
