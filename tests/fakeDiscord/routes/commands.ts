// Command registration: global and guild lists, bulk overwrite, create one, list.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { apiError } from '../router.ts';
import type { RestRequest, RestResponse, Route } from '../router.ts';
import type { FakeState } from '../state.ts';

/** GET/PUT/POST /applications/:appId/commands and /applications/:appId/guilds/:guildId/commands. */
export function commandRoutes(state: FakeState): Route[] {
  const { commands, world } = state;
  const scoped =
    (run: (guildId: string | undefined, request: RestRequest) => RestResponse) =>
    (request: RestRequest): RestResponse => {
      if (request.params.appId !== world.applicationId)
        return apiError(403, 50001, 'Missing Access');
      const guildId = request.params.guildId;
      if (guildId !== undefined && !world.guilds.some((g) => g.guildId === guildId))
        return apiError(403, 50001, 'Missing Access');
      return run(guildId, request);
    };
  const list = scoped((guildId) => ({ status: 200, body: commands.list(guildId) }));
  const overwrite = scoped((guildId, { json }) => ({
    status: 200,
    body: commands.overwrite(guildId, json as RESTPostAPIApplicationCommandsJSONBody[]),
  }));
  const create = scoped((guildId, { json }) => ({
    status: 201,
    body: commands.upsert(guildId, json as RESTPostAPIApplicationCommandsJSONBody),
  }));
  const routes: Route[] = [];
  for (const pattern of [
    '/applications/:appId/commands',
    '/applications/:appId/guilds/:guildId/commands',
  ]) {
    routes.push(
      { method: 'GET', pattern, auth: true, handle: list },
      { method: 'PUT', pattern, auth: true, handle: overwrite },
      { method: 'POST', pattern, auth: true, handle: create },
    );
  }
  return routes;
}
