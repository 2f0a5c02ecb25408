// Messages the bot created through interactions, kept so later edits and components can find them.
import { MessageFlags } from 'discord.js';
import type { APIAttachment, APIEmbed, APIMessage, APIUser, MessageType } from 'discord.js';
import type { FileHost } from './files.ts';
import { nextSnowflake } from './ids.ts';
import type { MessageBody, UploadedFile } from './types.ts';

// An edit may only toggle these; ephemerality is fixed at creation.
const editableFlags = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;

export interface NewMessage {
  channelId: string;
  author: APIUser;
  applicationId: string;
  type: MessageType;
  interaction?: APIMessage['interaction_metadata'];
}

export class MessageStore {
  #messages = new Map<string, APIMessage>();

  constructor(private readonly files: FileHost) {}

  /** Creates a message from a bot's body and uploads. */
  create(origin: NewMessage, body: MessageBody, uploads: UploadedFile[]): APIMessage {
    const message: APIMessage = {
      id: nextSnowflake(),
      channel_id: origin.channelId,
      author: origin.author,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts ?? false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.#attachments([], body, uploads),
      embeds: (body.embeds ?? []).map(asRichEmbed),
      pinned: false,
      type: origin.type,
      flags: (body.flags ?? 0) as MessageFlags,
      components: body.components ?? [],
      application_id: origin.applicationId,
      webhook_id: origin.applicationId,
      ...(origin.interaction ? { interaction_metadata: origin.interaction } : {}),
    };
    this.#messages.set(message.id, message);
    return message;
  }

  /** Applies a PATCH-style edit: fields present in the body replace the old ones. */
  edit(id: string, body: MessageBody, uploads: UploadedFile[]): APIMessage | undefined {
    const old = this.#messages.get(id);
    if (!old) return undefined;
    const edited: APIMessage = {
      ...old,
      edited_timestamp: new Date().toISOString(),
      attachments: this.#attachments(old.attachments, body, uploads),
      flags: ((old.flags ?? 0) & ~MessageFlags.Loading) | ((body.flags ?? 0) & editableFlags),
    };
    if (body.content !== undefined) edited.content = body.content ?? '';
    if (body.embeds !== undefined) edited.embeds = (body.embeds ?? []).map(asRichEmbed);
    if (body.components !== undefined) edited.components = body.components ?? [];
    this.#messages.set(id, edited);
    return edited;
  }

  /** The latest version of a message. */
  get(id: string): APIMessage | undefined {
    return this.#messages.get(id);
  }

  /** Forgets every message whose id is not in `keep`. */
  retainOnly(keep: ReadonlySet<string>): void {
    for (const id of this.#messages.keys()) if (!keep.has(id)) this.#messages.delete(id);
  }

  /** Forgets a message; false when it did not exist. */
  delete(id: string): boolean {
    return this.#messages.delete(id);
  }

  // v10 rule: `attachments` lists every attachment kept after the request, old ones by
  // snowflake and new ones by upload index; without it old ones stay and uploads are added.
  #attachments(old: APIAttachment[], body: MessageBody, uploads: UploadedFile[]): APIAttachment[] {
    const uploadAt = (index: string) => uploads.find((u) => u.field === `files[${index}]`);
    if (!body.attachments) {
      return [...old, ...uploads.map((u) => this.#hostUpload(u))];
    }
    return body.attachments.flatMap((entry) => {
      const kept = old.find((a) => a.id === String(entry.id));
      if (kept) return [kept];
      const upload = uploadAt(String(entry.id));
      return upload ? [this.#hostUpload(upload, entry.description)] : [];
    });
  }

  #hostUpload(upload: UploadedFile, description?: string): APIAttachment {
    return this.files.host(
      { name: upload.name, data: upload.data, contentType: upload.contentType },
      description ? { description } : {},
    );
  }
}

function asRichEmbed(embed: APIEmbed): APIEmbed {
  return { type: 'rich' as APIEmbed['type'], ...embed };
}
