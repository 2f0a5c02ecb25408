// Interaction webhooks: edit/get/delete @original (or a follow-up) and send follow-ups.
import { MessageFlags } from 'discord.js';
import type { InteractionReply } from '../replies.ts';
import { apiError } from '../router.ts';
import type { RestRequest, RestResponse, Route } from '../router.ts';
import type { FakeState } from '../state.ts';
import type { MessageBody } from '../types.ts';
import { invalidFormBody, validateBody } from '../validate.ts';
import { responseOrigin } from './origin.ts';

const messagePath = '/webhooks/:appId/:token/messages/:messageId';

/** GET/PATCH/DELETE /webhooks/:appId/:token/messages/:id and POST /webhooks/:appId/:token. */
export function webhookRoutes(state: FakeState): Route[] {
  return [
    { method: 'GET', pattern: messagePath, auth: false, handle: (r) => withMessage(state, r, get) },
    {
      method: 'PATCH',
      pattern: messagePath,
      auth: false,
      handle: (r) => withMessage(state, r, edit),
    },
    {
      method: 'DELETE',
      pattern: messagePath,
      auth: false,
      handle: (r) => withMessage(state, r, remove),
    },
    {
      method: 'POST',
      pattern: '/webhooks/:appId/:token',
      auth: false,
      handle: (r) => followup(state, r),
    },
  ];
}

type MessageHandler = (
  state: FakeState,
  reply: InteractionReply,
  id: string,
  r: RestRequest,
) => RestResponse;

// The webhook exists once the interaction is acknowledged; it knows only its own messages.
function findReply(state: FakeState, request: RestRequest): InteractionReply | undefined {
  const reply = state.replies.get(request.params.token ?? '');
  if (request.params.appId !== state.world.applicationId || !reply?.acknowledged) return undefined;
  return reply;
}

function withMessage(state: FakeState, request: RestRequest, run: MessageHandler): RestResponse {
  const reply = findReply(state, request);
  if (!reply) return apiError(404, 10015, 'Unknown Webhook');
  const wanted = request.params.messageId;
  const id = wanted === '@original' ? reply.originalMessageId : wanted;
  const own = id === reply.originalMessageId || reply.followups.some((f) => f.message.id === id);
  if (!id || !own || !state.messages.get(id)) return apiError(404, 10008, 'Unknown Message');
  return run(state, reply, id, request);
}

const get: MessageHandler = (state, _reply, id) => ({ status: 200, body: state.messages.get(id) });

const edit: MessageHandler = (state, reply, id, request) => {
  const body = (request.json ?? {}) as MessageBody;
  const violations = validateBody(body);
  if (violations.length > 0) return invalidFormBody(violations);
  const message = state.messages.edit(id, body, request.files);
  if (!message) return apiError(404, 10008, 'Unknown Message');
  reply.recordEdit({ messageId: id, body, files: request.files, message, at: performance.now() });
  return { status: 200, body: message };
};

const remove: MessageHandler = (state, _reply, id) => {
  state.messages.delete(id);
  return { status: 204 };
};

function followup(state: FakeState, request: RestRequest): RestResponse {
  const reply = findReply(state, request);
  if (!reply) return apiError(404, 10015, 'Unknown Webhook');
  const body = (request.json ?? {}) as MessageBody;
  const violations = validateBody(body);
  if (violations.length > 0) return invalidFormBody(violations);
  // Discord turns the first follow-up after a deferred reply into that reply.
  const original = reply.message();
  const fillsDeferred =
    original !== undefined &&
    ((original.flags ?? 0) & MessageFlags.Loading) !== 0 &&
    reply.followups.length === 0;
  const message = fillsDeferred
    ? state.messages.edit(original.id, body, request.files)
    : state.messages.create(responseOrigin(state, reply, true), body, request.files);
  if (!message) return apiError(404, 10008, 'Unknown Message');
  reply.recordFollowup({ body, files: request.files, message, at: performance.now() });
  return request.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
}
