// Files the fake serves at attachment URLs: uploads from the bot and files tests attach to commands.
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { APIAttachment } from 'discord.js';
import { nextSnowflake } from './ids.ts';

/** A file a test attaches to a command option. */
export interface FakeFile {
  name: string;
  data: Buffer | string;
  contentType?: string;
  /** Served instead of `data`: a generated body of any size, never held in memory. */
  body?: GeneratedBody;
  /** Fields the attachment claims for itself, as a forged payload could (id, size, filename). */
  forged?: Partial<APIAttachment>;
}

/**
 * A body of `bytes` bytes, `pattern` repeated, streamed chunk by chunk (no content-length, as a
 * server that lies about a file's size would). `sent` counts what the fake handed to the socket,
 * so a test can tell whether the client stopped reading.
 */
export class GeneratedBody {
  sent = 0;
  constructor(
    readonly bytes: number,
    readonly pattern: Buffer | string = 'x',
  ) {}

  /** The body as a stream of 64 KiB chunks. */
  stream(): Readable {
    const unit = Buffer.from(this.pattern);
    const chunk = Buffer.alloc(Math.max(unit.length, 64 * 1024 - ((64 * 1024) % unit.length)));
    chunk.fill(unit);
    return Readable.from(this.#chunks(chunk), { objectMode: false, highWaterMark: 64 * 1024 });
  }

  *#chunks(chunk: Buffer): Generator<Buffer> {
    while (this.sent < this.bytes) {
      const next = chunk.subarray(0, Math.min(chunk.length, this.bytes - this.sent));
      this.sent += next.length;
      yield next;
    }
  }
}

/** A file the fake holds, as the attachment route serves it. */
export interface HostedFile {
  data: Buffer;
  contentType: string;
  body?: GeneratedBody;
}

export class FileHost {
  #files = new Map<string, HostedFile>();

  constructor(private readonly baseUrl: () => string) {}

  /** Stores a file and describes it as Discord's CDN would (or as `file.forged` claims). */
  host(file: FakeFile, extra: Partial<APIAttachment> = {}): APIAttachment {
    const id = nextSnowflake();
    const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
    const contentType = file.contentType ?? 'application/octet-stream';
    this.#files.set(id, { data, contentType, ...(file.body ? { body: file.body } : {}) });
    const url = `${this.baseUrl()}/attachments/${id}/${encodeURIComponent(file.name)}`;
    return {
      id,
      filename: file.name,
      size: file.body?.bytes ?? data.length,
      url,
      proxy_url: url,
      content_type: contentType,
      ...extra,
      ...file.forged,
    };
  }

  /** The bytes behind an attachment id, if the fake hosts it. */
  get(id: string): HostedFile | undefined {
    return this.#files.get(id);
  }
}

/** Answers an attachment download: the stored bytes, or the generated body until the client hangs up. */
export function sendHostedFile(
  response: ServerResponse,
  file: HostedFile,
  headers: Record<string, string>,
): void {
  response.writeHead(200, { ...headers, 'content-type': file.contentType });
  if (!file.body) {
    response.end(file.data);
    return;
  }
  // A client that stops reading closes the socket; the pipeline then ends without an answer to log.
  pipeline(file.body.stream(), response).catch(() => {});
}
