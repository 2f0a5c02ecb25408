// Shapes shared by the fake's parts.
import type {
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord.js';

/** A file the bot uploaded in a multipart body (`files[n]`). */
export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** A message body as the bot sends it in a callback, an edit or a follow-up. */
export type MessageBody = RESTPatchAPIWebhookWithTokenMessageJSONBody &
  Pick<RESTPostAPIWebhookWithTokenJSONBody, 'tts'>;

/** One REST request the fake received, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
  files: UploadedFile[];
  status: number;
  at: number;
}
