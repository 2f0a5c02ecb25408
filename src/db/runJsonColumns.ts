// Checks the JSON columns of a run as they come out of SQLite, so every reader gets typed values
// and nothing downstream casts: a row written by another version or edited by hand fails here,
// naming the run and the field, instead of deep inside a vibe query.
import type { ScalerParams } from '../core/catalog/index.ts';
import { isDenseActivation, type DenseLayerWeights } from '../core/latent/index.ts';
import { DatabaseError } from './errors.ts';
import type { LossHistory } from './runTypes.ts';

/** A run's stored scaler or encoder does not have the shape serving needs. */
export class MalformedRunError extends DatabaseError {
  override name = 'MalformedRunError';
  constructor(runId: string, field: string, problem: string) {
    super(`Run ${runId} has a malformed ${field}: ${problem}. Retrain to replace it: npm run train.`);
  }
}

type Fields = Record<string, unknown>;

/** The scaler column of run `runId`, checked: features, min and max of one length, percentiles. */
export function parseScalerParams(json: unknown, runId: string): ScalerParams {
  const fail = (problem: string) => new MalformedRunError(runId, 'scaler', problem);
  const fields = objectOr(json, () => fail('it is not an object'));
  const features = listOf(fields.features, isText, () => fail('features is not a list of names'));
  const min = listOf(fields.min, isNumber, () => fail('min is not a list of numbers'));
  const max = listOf(fields.max, isNumber, () => fail('max is not a list of numbers'));
  if (min.length !== features.length || max.length !== features.length) {
    throw fail(`${features.length} features but ${min.length} min and ${max.length} max values`);
  }
  const { lowerPercentile, upperPercentile } = fields;
  if (!isNumber(lowerPercentile) || !isNumber(upperPercentile)) {
    throw fail('lowerPercentile or upperPercentile is not a number');
  }
  return { features, min, max, lowerPercentile, upperPercentile };
}

/** The encoder column of run `runId`, checked: dense layers whose weights fit their sizes. */
export function parseEncoderWeights(json: unknown, runId: string): DenseLayerWeights[] {
  const fail = (problem: string) => new MalformedRunError(runId, 'encoder', problem);
  const layers = listOf(json, isObject, () => fail('it is not a list of layers'));
  return layers.map((layer, index) => {
    const { inputDim, outputDim, activation } = layer;
    const kernel = listOf(layer.kernel, isNumber, () => fail(`layer ${index} has no kernel`));
    const bias = listOf(layer.bias, isNumber, () => fail(`layer ${index} has no bias`));
    if (!isCount(inputDim) || !isCount(outputDim)) {
      throw fail(`layer ${index} has no whole inputDim and outputDim`);
    }
    if (kernel.length !== inputDim * outputDim || bias.length !== outputDim) {
      throw fail(`layer ${index} holds ${kernel.length} kernel and ${bias.length} bias values`);
    }
    if (typeof activation !== 'string' || !isDenseActivation(activation)) {
      throw fail(`layer ${index} has activation ${String(activation)}`);
    }
    return { inputDim, outputDim, kernel, bias, activation };
  });
}

/** The per-epoch losses in a run's metrics; a run stored without them has none to draw. */
export function parseLossHistory(json: unknown): LossHistory {
  const fields = isObject(json) ? json : {};
  const numbers = (value: unknown) => (isList(value) && value.every(isNumber) ? value : []);
  return { loss: numbers(fields.loss), valLoss: numbers(fields.valLoss) };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isCount = (value: unknown): value is number => Number.isInteger(value) && Number(value) > 0;
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function objectOr(value: unknown, fail: () => Error): Fields {
  if (!isObject(value)) throw fail();
  return value;
}

function listOf<T>(value: unknown, isItem: (item: unknown) => item is T, fail: () => Error): T[] {
  if (!isList(value) || !value.every(isItem)) throw fail();
  return value;
}
