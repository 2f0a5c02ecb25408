// Saves and loads tfjs models as a standard model.json + weights.bin pair, without tfjs-node.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { modelFilePaths, runFolderPaths, WEIGHTS_BIN } from '../db/runFolder.ts';

/** A model file is missing or unreadable; names the file and how to recover. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
  constructor(
    readonly file: string,
    readonly problem: 'missing' | 'corrupt',
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `Model file ${file} is ${problem}: ${detail}. Retrain (npm run train) to write a fresh model.`,
      options,
    );
  }
}

/** Writes `model` to `<dir>/model.json` and `<dir>/weights.bin`, creating `dir`. */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []);
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
      };
      // Weights first: a model.json only appears once the weights it points to exist.
      const paths = modelFilePaths(dir);
      await writeFile(paths.weights, new Uint8Array(weights));
      await writeFile(paths.json, JSON.stringify(json));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
}

/** Loads a model saved by `saveModel` from `dir`. */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  const { json: jsonPath, weights: binPath } = modelFilePaths(dir);
  const modelJson = parseModelJson(jsonPath, await readModelFile(jsonPath));
  const weightSpecs = tf.io.getWeightSpecs(modelJson.weightsManifest);
  const bytes = await readModelFile(binPath);
  const expected = weightSpecs.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength !== expected) {
    throw new ModelFileError(binPath, 'corrupt', `${bytes.byteLength} bytes, expected ${expected}`);
  }
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
    );
  } catch (error) {
    throw new ModelFileError(jsonPath, 'corrupt', 'tfjs could not rebuild the model', {
      cause: error,
    });
  }
}

/** Saves a training run's encoder and decoder where its run folder `dir` keeps them. */
export async function saveRunModels(
  dir: string,
  models: { encoder: tf.LayersModel; decoder: tf.LayersModel },
): Promise<void> {
  const paths = runFolderPaths(dir);
  await saveModel(models.encoder, paths.encoder);
  await saveModel(models.decoder, paths.decoder);
}

/** Loads the encoder and decoder written by `saveRunModels`. */
export async function loadRunModels(
  dir: string,
): Promise<{ encoder: tf.LayersModel; decoder: tf.LayersModel }> {
  const paths = runFolderPaths(dir);
  const encoder = await loadModel(paths.encoder);
  try {
    return { encoder, decoder: await loadModel(paths.decoder) };
  } catch (error) {
    encoder.dispose();
    throw error;
  }
}

async function readModelFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ModelFileError(path, missing ? 'missing' : 'corrupt', 'cannot read it', {
      cause: error,
    });
  }
}

function parseModelJson(path: string, bytes: Buffer): tf.io.ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ModelFileError(path, 'corrupt', 'it is not valid JSON', { cause: error });
  }
  const { modelTopology, weightsManifest } = (json ?? {}) as Partial<tf.io.ModelJSON>;
  if (typeof modelTopology !== 'object' || !Array.isArray(weightsManifest)) {
    throw new ModelFileError(path, 'corrupt', 'it lacks modelTopology or weightsManifest');
  }
  return json as tf.io.ModelJSON;
}
