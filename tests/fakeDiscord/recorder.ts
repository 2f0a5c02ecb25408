// An append-only list that tests can wait on: "resolve when an item like this arrives".

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
}

export class Recorder<T> {
  readonly items: T[] = [];
  #waiters = new Set<Waiter<T>>();

  /** Appends an item and wakes the waiters it satisfies. */
  push(item: T): void {
    this.items.push(item);
    for (const waiter of this.#waiters) {
      if (waiter.predicate(item)) {
        this.#waiters.delete(waiter);
        waiter.resolve(item);
      }
    }
  }

  /** The first item (already recorded or still to come) matching the predicate. */
  waitFor(
    predicate: (item: T) => boolean = () => true,
    timeoutMs = 5_000,
    what = 'item',
  ): Promise<T> {
    const found = this.items.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        predicate,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      this.#waiters.add(waiter);
    });
  }
}
