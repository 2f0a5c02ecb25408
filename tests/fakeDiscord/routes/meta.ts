// Routes about the bot itself: gateway discovery, the bot user, its application, the channel.
import { application, channelPlace, textChannel } from '../world.ts';
import { apiError } from '../router.ts';
import type { Route } from '../router.ts';
import type { FakeState } from '../state.ts';

/** GET /gateway/bot, /gateway, /users/@me, /applications/@me, /channels/:id(/messages/:id). */
export function metaRoutes(state: FakeState): Route[] {
  const { world } = state;
  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: state.gatewayUrl(),
          shards: world.recommendedShards,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: world.maxConcurrency,
          },
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/gateway',
      auth: false,
      handle: () => ({ status: 200, body: { url: state.gatewayUrl() } }),
    },
    {
      method: 'GET',
      pattern: '/users/@me',
      auth: true,
      handle: () => ({ status: 200, body: world.bot }),
    },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handle: () => ({ status: 200, body: application(world) }),
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: true,
      handle: ({ params }) => {
        const place = channelPlace(world, params.channelId ?? '');
        return place
          ? { status: 200, body: textChannel(world, place.guildId) }
          : apiError(404, 10003, 'Unknown Channel');
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => {
        const message = state.messages.get(params.messageId ?? '');
        return message && message.channel_id === params.channelId
          ? { status: 200, body: message }
          : apiError(404, 10008, 'Unknown Message');
      },
    },
  ];
}
