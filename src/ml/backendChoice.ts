// The tfjs backends a user may ask for, in one list that the settings, the CLIs and training share.
// Kept apart from backend.ts so that reading the settings does not load tfjs.

/** What --backend and NEXTBEAT_BACKEND accept; 'auto' is tfjs-node when installed, else wasm. */
export const BACKEND_CHOICES = ['auto', 'wasm', 'cpu', 'tensorflow'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Whether `name` is one of BACKEND_CHOICES. */
export function isBackendChoice(name: string): name is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(name);
}
