// When to answer Discord's POST. The bot acknowledges each interaction through the callback route
// (POST /interactions/{id}/{token}/callback), as in gateway mode; Discord's documentation says an
// app that does so for an interaction received over HTTP answers the POST with 202 and no body.
// The POST is held until Discord has answered that callback, the handler has finished, or the 3 s
// window has passed, whichever comes first.
import { RESTEvents, type REST } from 'discord.js';

const CALLBACK_PATH = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

/** Discord forgets an interaction not acknowledged within 3 s; holding the POST longer is no use. */
export const ACKNOWLEDGE_WINDOW_MS = 3_000;

export class Acknowledgements {
  readonly #waiting = new Map<string, () => void>();
  readonly #stopListening: () => void;

  constructor(rest: REST) {
    const onResponse = (request: { path: string }, response: { status: number }) => {
      const id = CALLBACK_PATH.exec(request.path)?.[1];
      // 429 and 5xx are retried by discord.js: only a final answer settles.
      if (id && response.status !== 429 && response.status < 500) this.settle(id);
    };
    rest.on(RESTEvents.Response, onResponse);
    this.#stopListening = () => rest.off(RESTEvents.Response, onResponse);
  }

  /** Resolves once interaction `id` is acknowledged or settled, or after the window. */
  wait(id: string, windowMs = ACKNOWLEDGE_WINDOW_MS): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, windowMs);
      const previous = this.#waiting.get(id);
      const waiting = this.#waiting;
      function done() {
        clearTimeout(timer);
        if (waiting.get(id) === done) waiting.delete(id);
        previous?.();
        resolve();
      }
      this.#waiting.set(id, done);
    });
  }

  /** Interaction `id` is acknowledged, or its handler finished (it may not acknowledge at all). */
  settle(id: string): void {
    this.#waiting.get(id)?.();
  }

  /** Stops listening to REST and releases every held POST. */
  close(): void {
    this.#stopListening();
    for (const done of [...this.#waiting.values()]) done();
  }
}
