// Private messages (DMs) the bot sends: the DM channel it opens per user, the messages with their
// files, and users who closed their DMs (Discord then answers 403, code 50007).
import type { APIMessage } from 'discord.js';
import { nextSnowflake } from './ids.ts';
import { Recorder } from './recorder.ts';
import type { MessageBody, UploadedFile } from './types.ts';

/** One message the bot sent in a DM. */
export interface RecordedDirectMessage {
  userId: string;
  channelId: string;
  body: MessageBody;
  files: UploadedFile[];
  message: APIMessage;
  at: number;
}

export class DirectMessages {
  readonly #channelByUser = new Map<string, string>();
  readonly #userByChannel = new Map<string, string>();
  readonly #closed = new Set<string>();
  readonly #sent = new Recorder<RecordedDirectMessage>();

  /** The DM channel with this user, opened on first use (as POST /users/@me/channels does). */
  open(userId: string): string {
    let channelId = this.#channelByUser.get(userId);
    if (!channelId) {
      channelId = nextSnowflake();
      this.#channelByUser.set(userId, channelId);
      this.#userByChannel.set(channelId, userId);
    }
    return channelId;
  }

  /** The user a DM channel is with, or undefined for any other channel. */
  recipientOf(channelId: string): string | undefined {
    return this.#userByChannel.get(channelId);
  }

  /** Makes the bot's messages to this user fail with 50007, as closed DMs do (or opens them again). */
  setClosed(userId: string, closed = true): void {
    if (closed) this.#closed.add(userId);
    else this.#closed.delete(userId);
  }

  /** Whether this user has closed their DMs. */
  isClosed(userId: string): boolean {
    return this.#closed.has(userId);
  }

  /** Records a message the bot sent in a DM. */
  record(message: RecordedDirectMessage): void {
    this.#sent.push(message);
  }

  /** Every message sent to this user, oldest first. */
  to(userId: string): RecordedDirectMessage[] {
    return this.#sent.items.filter((m) => m.userId === userId);
  }

  /** The first message to this user matching the predicate, already sent or still to come. */
  waitFor(
    userId: string,
    predicate: (message: RecordedDirectMessage) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<RecordedDirectMessage> {
    return this.#sent.waitFor(
      (m) => m.userId === userId && predicate(m),
      timeoutMs,
      `direct message to ${userId}`,
    );
  }
}
