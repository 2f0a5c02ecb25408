// What the bot answered to one interaction: the callback, later edits and follow-ups.
import type {
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIInteractionResponseCallbackData,
  APIMessage,
  InteractionResponseType,
} from 'discord.js';
import type { EndpointResponse } from './outgoingWebhook.ts';
import { Recorder } from './recorder.ts';
import type { MessageBody, UploadedFile } from './types.ts';

/** Callback `data`: message fields, autocomplete `choices` or modal fields. */
export type CallbackData = APIInteractionResponseCallbackData & {
  choices?: APIApplicationCommandOptionChoice[];
  custom_id?: string;
  title?: string;
};

export interface RecordedCallback {
  type: InteractionResponseType;
  data?: CallbackData;
  files: UploadedFile[];
  /** performance.now() when it arrived. */
  at: number;
}

export interface RecordedEdit {
  messageId: string;
  body: MessageBody;
  files: UploadedFile[];
  message: APIMessage;
  at: number;
}

export interface RecordedFollowup {
  body: MessageBody;
  files: UploadedFile[];
  message: APIMessage;
  at: number;
}

export class InteractionReply {
  readonly callback: Promise<RecordedCallback>;
  readonly #edits = new Recorder<RecordedEdit>();
  readonly #followups = new Recorder<RecordedFollowup>();
  /** Time from sending INTERACTION_CREATE to the callback; undefined until it arrives. */
  latencyMs: number | undefined;
  /** The message `@original` points at, once there is one. */
  originalMessageId: string | undefined;
  acknowledged = false;
  sentAt = 0;
  /** The gateway shard INTERACTION_CREATE went out on. */
  shard = 0;
  /** HTTP mode: how the bot answered the signed POST (202 and no body when it used the callback). */
  endpointResponse: Promise<EndpointResponse> | undefined;
  #resolveCallback!: (callback: RecordedCallback) => void;

  readonly id: string;
  readonly token: string;

  constructor(
    /** The INTERACTION_CREATE payload this reply answers. */
    readonly interaction: APIInteraction,
    private readonly lookup: (id: string) => APIMessage | undefined,
  ) {
    this.id = interaction.id;
    this.token = interaction.token;
    this.callback = new Promise((resolve) => {
      this.#resolveCallback = resolve;
    });
  }

  /** Records the callback the bot sent (once). */
  acknowledge(callback: RecordedCallback): void {
    this.acknowledged = true;
    this.latencyMs = callback.at - this.sentAt;
    this.#resolveCallback(callback);
  }

  /** Edits of `@original` (PATCH .../messages/@original), oldest first. */
  get edits(): RecordedEdit[] {
    return this.#edits.items;
  }

  /** Follow-up messages (POST /webhooks/:appId/:token), oldest first. */
  get followups(): RecordedFollowup[] {
    return this.#followups.items;
  }

  /** Records an edit of `@original`. */
  recordEdit(edit: RecordedEdit): void {
    this.#edits.push(edit);
  }

  /** Records a follow-up. */
  recordFollowup(followup: RecordedFollowup): void {
    this.#followups.push(followup);
  }

  /** The current version of the `@original` message. */
  message(): APIMessage | undefined {
    return this.originalMessageId ? this.lookup(this.originalMessageId) : undefined;
  }

  /** The first edit of `@original` matching the predicate. */
  waitForEdit(
    predicate?: (edit: RecordedEdit) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedEdit> {
    return this.#edits.waitFor(predicate, timeoutMs, `edit of interaction ${this.id}`);
  }

  /** The first follow-up matching the predicate. */
  waitForFollowup(
    predicate?: (followup: RecordedFollowup) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedFollowup> {
    return this.#followups.waitFor(predicate, timeoutMs, `follow-up of interaction ${this.id}`);
  }
}
