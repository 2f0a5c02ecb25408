// Start-up steps a stop signal can abandon: the caller undoes what they opened.

/** The bot was asked to stop before it was ready; everything it had started is stopped. */
export class StartAbortedError extends Error {
  override name = 'StartAbortedError';
}

/**
 * Rejects with StartAbortedError as soon as the signal aborts; the work itself is abandoned (what
 * it opened is undone by the caller), and its own later failure is no news.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  work.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new StartAbortedError('stopped before it was ready'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    const settle = () => signal.removeEventListener('abort', abort);
    work.then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error)),
    );
  });
}
