// Matches "METHOD /path/:param" routes and turns handler results into HTTP answers.
import type { HostedFile } from './files.ts';
import type { UploadedFile } from './types.ts';

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  authorization: string | undefined;
  json: unknown;
  files: UploadedFile[];
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes instead of a JSON body (attachment downloads). */
  raw?: HostedFile;
}

export interface Route {
  method: string;
  /** Path under /api/v10, e.g. '/interactions/:id/:token/callback'. */
  pattern: string;
  /** Needs `Authorization: Bot <token>` (interaction and webhook routes do not). */
  auth: boolean;
  handle: (request: RestRequest) => RestResponse;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export class Router {
  #routes: CompiledRoute[] = [];

  /** Adds routes; earlier ones win. */
  add(...routes: Route[]): void {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.pattern
        .split('/')
        .map((part) => {
          if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part.slice(1));
          return '([^/]+)';
        })
        .join('/');
      this.#routes.push({ route, regex: new RegExp(`^${source}$`), names });
    }
  }

  /** Finds the route for a method and path, with its decoded parameters. */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | undefined {
    for (const { route, regex, names } of this.#routes) {
      if (route.method !== method) continue;
      const found = regex.exec(path);
      if (!found) continue;
      const params = Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
      );
      return { route, params };
    }
    return undefined;
  }
}

/** Discord's JSON error body. */
export function apiError(
  status: number,
  code: number,
  message: string,
  errors?: unknown,
): RestResponse {
  return { status, body: { message, code, ...(errors ? { errors } : {}) } };
}
