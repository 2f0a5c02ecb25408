// Files the fake serves at attachment URLs: uploads from the bot and files tests attach to commands.
import type { APIAttachment } from 'discord.js';
import { nextSnowflake } from './ids.ts';

/** A file a test attaches to a command option. */
export interface FakeFile {
  name: string;
  data: Buffer | string;
  contentType?: string;
}

interface HostedFile {
  data: Buffer;
  contentType: string;
}

export class FileHost {
  #files = new Map<string, HostedFile>();

  constructor(private readonly baseUrl: () => string) {}

  /** Stores a file and describes it as Discord's CDN would. */
  host(file: FakeFile, extra: Partial<APIAttachment> = {}): APIAttachment {
    const id = nextSnowflake();
    const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
    const contentType = file.contentType ?? 'application/octet-stream';
    this.#files.set(id, { data, contentType });
    const url = `${this.baseUrl()}/attachments/${id}/${encodeURIComponent(file.name)}`;
    return {
      id,
      filename: file.name,
      size: data.length,
      url,
      proxy_url: url,
      content_type: contentType,
      ...extra,
    };
  }

  /** The bytes behind an attachment id, if the fake hosts it. */
  get(id: string): HostedFile | undefined {
    return this.#files.get(id);
  }
}
