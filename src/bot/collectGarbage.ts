// Loading a catalog leaves its snapshot blob (native memory, as large as the file) and, after a
// retrain, the whole previous catalog as garbage. V8 would collect them only when its heap next
// fills, so the process would carry both for minutes; one full collection right away gives the
// memory back.
// `npm start` runs Node with --expose-gc; without it (tests through tsx) this does nothing.

/** Runs a full garbage collection when Node exposes one. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
