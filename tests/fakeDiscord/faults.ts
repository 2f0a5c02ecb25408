// Injected REST failures: "the next N requests matching X answer with status S".

/** Matches `"METHOD /path"` (path after /api/v10, no query): substring, RegExp or predicate. */
export type RouteMatcher = string | RegExp | ((route: string) => boolean);

export interface RestFault {
  /** The status to answer with; leave out to serve the request normally (after `delayMs`). */
  status?: number;
  /** Hold the request this long before answering (a slow Discord). */
  delayMs?: number;
  /** Seconds, sent as Retry-After and `retry_after` on a 429. */
  retryAfter?: number;
  /** Marks a 429 as global (X-RateLimit-Global). */
  global?: boolean;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What an armed fault does to one request: wait, then answer with `response` or serve it. */
export interface TakenFault {
  delayMs: number;
  response: FaultResponse | undefined;
}

interface ArmedFault {
  matches: (route: string) => boolean;
  fault: RestFault;
  remaining: number;
}

export class RestFaults {
  #armed: ArmedFault[] = [];

  /** Arms a fault for the next `times` matching requests. */
  add(matcher: RouteMatcher, fault: RestFault): void {
    const matches =
      typeof matcher === 'string'
        ? (route: string) => route.includes(matcher)
        : matcher instanceof RegExp
          ? (route: string) => matcher.test(route)
          : matcher;
    this.#armed.push({ matches, fault, remaining: fault.times ?? 1 });
  }

  /** The fault to apply to this request, consuming one use; undefined to serve it normally. */
  take(route: string): TakenFault | undefined {
    const armed = this.#armed.find((a) => a.remaining > 0 && a.matches(route));
    if (!armed) return undefined;
    armed.remaining -= 1;
    const { status } = armed.fault;
    return {
      delayMs: armed.fault.delayMs ?? 0,
      response: status === undefined ? undefined : faultResponse({ ...armed.fault, status }),
    };
  }

  /** Disarms every fault. */
  clear(): void {
    this.#armed = [];
  }
}

function faultResponse({
  status,
  retryAfter = 1,
  global = false,
}: RestFault & { status: number }): FaultResponse {
  if (status !== 429) {
    return { status, headers: {}, body: { message: `${status}: injected fault`, code: 0 } };
  }
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return {
    status,
    headers,
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
  };
}
