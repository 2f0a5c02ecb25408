// The HTTP side: /api/v10 routing with auth, injected faults, a request log; plus attachment downloads.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './body.ts';
import { sendHostedFile, type FileHost } from './files.ts';
import type { RestFaults } from './faults.ts';
import { apiError } from './router.ts';
import type { RestResponse, Router } from './router.ts';
import type { RecordedRequest } from './types.ts';

const apiPrefix = '/api/v10';

export interface RestLog {
  requests: RecordedRequest[];
  /** Requests no route handled (answered 404). */
  unhandled: RecordedRequest[];
}

/** A request listener serving the router, faults and hosted files. */
export function createRequestListener(
  router: Router,
  faults: RestFaults,
  files: FileHost,
  log: RestLog,
) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    serve(request, router, faults, files, log).then(
      (answer) => send(response, answer),
      (error: unknown) =>
        send(response, apiError(500, 0, `fake Discord crashed: ${String(error)}`)),
    );
  };
}

async function serve(
  request: IncomingMessage,
  router: Router,
  faults: RestFaults,
  files: FileHost,
  log: RestLog,
): Promise<RestResponse> {
  // Arrival time, before the body is read: reading a large upload is the fake's work, not the bot's.
  const at = performance.now();
  const url = new URL(request.url ?? '/', 'http://fake');
  const method = request.method ?? 'GET';
  const attachment = /^\/attachments\/([^/]+)\//.exec(url.pathname);
  if (attachment && method === 'GET') {
    const file = files.get(attachment[1] ?? '');
    return file ? { status: 200, raw: file } : apiError(404, 0, '404: Not Found');
  }
  const { json, files: uploads } = await readBody(request);
  const path = url.pathname.startsWith(apiPrefix)
    ? url.pathname.slice(apiPrefix.length)
    : url.pathname;
  const authorization = request.headers.authorization;
  const record: RecordedRequest = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    authorization,
    body: json,
    files: uploads,
    status: 0,
    at,
  };
  log.requests.push(record);
  const routed = route(router, faults, record, url.pathname.startsWith(apiPrefix));
  // Awaited only when a fault delays it, so an answer's status is recorded in the same tick.
  const answer = routed instanceof Promise ? await routed : routed;
  record.status = answer.status;
  if (answer.status === 404 && !router.match(method, path)) log.unhandled.push(record);
  return answer;
}

function route(
  router: Router,
  faults: RestFaults,
  record: RecordedRequest,
  underApi: boolean,
): RestResponse | Promise<RestResponse> {
  const found = underApi ? router.match(record.method, record.path) : undefined;
  if (!found) return apiError(404, 0, '404: Not Found');
  if (found.route.auth && !record.authorization?.startsWith('Bot ')) {
    return apiError(401, 0, '401: Unauthorized');
  }
  const fault = faults.take(`${record.method} ${record.path}`);
  const serve = () =>
    fault?.response ??
    found.route.handle({
      method: record.method,
      path: record.path,
      params: found.params,
      query: record.query,
      authorization: record.authorization,
      json: record.body,
      files: record.files,
    });
  if (!fault?.delayMs) return serve();
  return new Promise((resolve) => setTimeout(() => resolve(serve()), fault.delayMs));
}

function send(response: ServerResponse, answer: RestResponse): void {
  const headers = { ...answer.headers };
  if (answer.raw) {
    sendHostedFile(response, answer.raw, headers);
    return;
  }
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, headers);
    response.end();
    return;
  }
  response.writeHead(answer.status, { ...headers, 'content-type': 'application/json' });
  response.end(JSON.stringify(answer.body));
}
