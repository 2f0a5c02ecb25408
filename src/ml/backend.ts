// Chooses the tfjs backend: native TensorFlow when the user installed tfjs-node, else WebAssembly.
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { BackendChoice } from './backendChoice.ts';

const TFJS_NODE = '@tensorflow/tfjs-node';

/** tfjs-node was asked for but is not installed. */
export class TfjsNodeNotInstalledError extends Error {
  override name = 'TfjsNodeNotInstalledError';
  constructor() {
    super(
      `The "tensorflow" backend needs ${TFJS_NODE}, which is not installed. ` +
        `Install it with "npm install ${TFJS_NODE}" (it downloads a native TensorFlow library), ` +
        `or use the "wasm" backend, which needs nothing extra.`,
    );
  }
}

/** tfjs-node is installed but failed to load (usually its native library). */
export class TfjsNodeLoadError extends Error {
  override name = 'TfjsNodeLoadError';
}

/** A backend was chosen but tfjs could not start it. */
export class BackendInitError extends Error {
  override name = 'BackendInitError';
}

/** Activates the chosen tfjs backend (safe to call again) and returns its name. */
export async function selectBackend(choice: BackendChoice): Promise<string> {
  const name = choice === 'auto' ? await autoBackend() : choice;
  if (name === 'tensorflow') await loadTfjsNode();
  if (tf.getBackend() === name) return name;
  const ok = await tf.setBackend(name);
  if (!ok) {
    const hint =
      name === 'tensorflow' ? ` (is ${TFJS_NODE} the same version as @tensorflow/tfjs?)` : '';
    throw new BackendInitError(`tfjs could not initialise the "${name}" backend${hint}`);
  }
  await tf.ready();
  return name;
}

async function autoBackend(): Promise<'tensorflow' | 'wasm'> {
  try {
    await loadTfjsNode();
    return 'tensorflow';
  } catch {
    return 'wasm';
  }
}

// Importing tfjs-node registers the "tensorflow" backend with tfjs-core; ESM caches the import.
async function loadTfjsNode(): Promise<void> {
  try {
    await import(/* @vite-ignore */ TFJS_NODE);
  } catch (error) {
    if (isMissingPackage(error)) throw new TfjsNodeNotInstalledError();
    throw new TfjsNodeLoadError(`${TFJS_NODE} is installed but failed to load`, { cause: error });
  }
}

function isMissingPackage(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === 'ERR_MODULE_NOT_FOUND' && String(message).includes(`'${TFJS_NODE}'`);
}

export interface BackendInfo {
  backend: string;
  /** WebAssembly SIMD in use (wasm backend only). */
  simd: boolean;
  /** Worker threads of the wasm backend; tfjs 4.22 turns wasm threads off on Node, so 1. */
  threads: number;
}

/** Describes the active backend, for logs and training reports. */
export async function backendInfo(): Promise<BackendInfo> {
  const backend = tf.getBackend();
  if (backend !== 'wasm') return { backend, simd: false, threads: 1 };
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  return { backend, simd, threads: getThreadsCount() };
}
