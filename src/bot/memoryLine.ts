// The memory figures of the ready line, so an admin can see what the catalog costs.

/** Resident memory and its largest parts, in MB. */
export function memoryLine(): string {
  const { rss, heapUsed, heapTotal, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return `${mb(rss)} MB resident (JS heap ${mb(heapUsed)} of ${mb(heapTotal)} MB, typed arrays ${mb(arrayBuffers)} MB)`;
}
