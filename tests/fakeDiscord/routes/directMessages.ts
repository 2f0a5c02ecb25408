// DMs: POST /users/@me/channels opens (or returns) the DM channel with a user, and
// POST /channels/:id/messages posts in it, with files; closed DMs answer 403, code 50007.
import { ChannelType, MessageType } from 'discord.js';
import type { APIDMChannel, ChannelFlags } from 'discord.js';
import type { DirectMessages } from '../directMessages.ts';
import { apiError } from '../router.ts';
import type { RestRequest, RestResponse, Route } from '../router.ts';
import type { FakeState } from '../state.ts';
import type { MessageBody } from '../types.ts';
import { invalidFormBody, validateBody } from '../validate.ts';
import { user } from '../world.ts';

/** The routes a bot uses to send private messages. */
export function directMessageRoutes(state: FakeState, dms: DirectMessages): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: true,
      handle: (request) => openChannel(dms, request),
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => post(state, dms, request),
    },
  ];
}

function openChannel(dms: DirectMessages, request: RestRequest): RestResponse {
  const recipient = (request.json as { recipient_id?: unknown } | undefined)?.recipient_id;
  if (typeof recipient !== 'string' || !/^\d{1,20}$/.test(recipient)) {
    return apiError(400, 50035, 'Invalid Form Body', { recipient_id: { _errors: [] } });
  }
  const channel: APIDMChannel = {
    id: dms.open(recipient),
    type: ChannelType.DM,
    recipients: [user(recipient, 'listener')],
    name: null,
    last_message_id: null,
    flags: 0 as ChannelFlags,
  };
  return { status: 200, body: channel };
}

function post(state: FakeState, dms: DirectMessages, request: RestRequest): RestResponse {
  const channelId = request.params.channelId ?? '';
  const userId = dms.recipientOf(channelId);
  if (!userId) return apiError(404, 10003, 'Unknown Channel');
  if (dms.isClosed(userId)) return apiError(403, 50007, 'Cannot send messages to this user');
  const body = (request.json ?? {}) as MessageBody;
  const violations = validateBody(body);
  if (violations.length > 0) return invalidFormBody(violations);
  const message = state.messages.create(
    {
      channelId,
      author: state.world.bot,
      applicationId: state.world.applicationId,
      type: MessageType.Default,
    },
    body,
    request.files,
  );
  dms.record({ userId, channelId, body, files: request.files, message, at: performance.now() });
  return { status: 200, body: message };
}
