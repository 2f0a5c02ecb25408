// POST /interactions/:id/:token/callback: the bot's first (and only) answer to an interaction.
import { InteractionResponseType, MessageFlags } from 'discord.js';
import type { APIMessage, RESTPostAPIInteractionCallbackWithResponseResult } from 'discord.js';
import type { CallbackData, InteractionReply } from '../replies.ts';
import { apiError } from '../router.ts';
import type { RestRequest, RestResponse, Route } from '../router.ts';
import type { FakeState } from '../state.ts';
import { invalidFormBody, validateBody } from '../validate.ts';
import { componentMessage, responseOrigin } from './origin.ts';

interface CallbackBody {
  type: InteractionResponseType;
  data?: CallbackData;
}

/** The interaction callback route. */
export function callbackRoutes(state: FakeState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/interactions/:id/:token/callback',
      auth: false,
      handle: (r) => handle(state, r),
    },
  ];
}

function handle(state: FakeState, request: RestRequest): RestResponse {
  const at = performance.now();
  const reply = state.replies.get(request.params.token ?? '');
  if (!reply || reply.id !== request.params.id) return apiError(404, 10062, 'Unknown interaction');
  if (reply.acknowledged) {
    state.acks.duplicates += 1;
    return apiError(400, 40060, 'Interaction has already been acknowledged.');
  }
  if (at - reply.sentAt > state.world.interactionTimeoutMs) {
    state.acks.late += 1;
    return apiError(404, 10062, 'Unknown interaction');
  }
  const { type, data } = request.json as CallbackBody;
  const violations = validateBody(data);
  if (violations.length > 0) return invalidFormBody(violations, 'data');
  const message = respond(state, reply, type, data, request);
  if (message === null)
    return apiError(400, 50035, 'Invalid Form Body: this interaction has no message to update');
  reply.acknowledge({ type, data, files: request.files, at });
  state.acks.accepted += 1;
  if (request.query.with_response !== 'true') return { status: 204 };
  const body: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: {
      id: reply.id,
      type: reply.interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading:
              type === InteractionResponseType.DeferredChannelMessageWithSource,
            response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  };
  return { status: 200, body };
}

// The message the callback created or touched; undefined when none; null when it needs one that is not there.
function respond(
  state: FakeState,
  reply: InteractionReply,
  type: InteractionResponseType,
  data: CallbackData | undefined,
  request: RestRequest,
): APIMessage | undefined | null {
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      const message = state.messages.create(
        responseOrigin(state, reply),
        data ?? {},
        request.files,
      );
      reply.originalMessageId = message.id;
      return message;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const flags = MessageFlags.Loading | ((data?.flags ?? 0) & MessageFlags.Ephemeral);
      const message = state.messages.create(responseOrigin(state, reply), { flags }, []);
      reply.originalMessageId = message.id;
      return message;
    }
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage: {
      const target = componentMessage(state, reply);
      if (!target) return null;
      reply.originalMessageId = target.id;
      if (type === InteractionResponseType.DeferredMessageUpdate) return target;
      return state.messages.edit(target.id, data ?? {}, request.files) ?? null;
    }
    default:
      return undefined;
  }
}
