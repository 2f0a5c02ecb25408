// `npm run train`: trains a model from a CSV and makes it the one the bot serves.
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { BACKEND_CHOICES } from '../ml/backendChoice.ts';
import { ColumnMappingError, parseColumnMapping } from '../data/columnMapping.ts';
import type { ColumnMapping } from '../data/columnMapping.ts';
import { TRACK_COLUMNS } from '../data/columns.ts';
import { explainStorageFailure } from '../db/storageErrors.ts';
import { isAudioFeature, type AudioFeature } from '../data/track.ts';
import { DEFAULT_TRAINING as D } from '../train/defaults.ts';
import type { EmitTrainingEvent } from '../train/events.ts';
import { formatSummary } from '../train/formatSummary.ts';
import { runTraining } from '../train/pipeline.ts';
import { trainIntoRunStore } from '../train/trainIntoRunStore.ts';
import type { TrainingOptions } from '../train/trainingOptions.ts';
import { jsonReporter, plainReporter } from '../train/reporters.ts';
import { terminalReporter } from '../train/terminalReporter.ts';
import { backendOption, numberOption, runCli, UsageError } from './runCli.ts';

type NumberSetting =
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'hidden'
  | 'latentDim'
  | 'seed'
  | 'patience'
  | 'maxBadRowShare';

/** Each numeric training setting: its flag and the values it accepts. */
const NUMBER_FLAGS: Record<
  NumberSetting,
  { flag: string; limits: { min?: number; max?: number; integer?: boolean } }
> = {
  epochs: { flag: 'epochs', limits: { min: 1, max: 1000, integer: true } },
  batchSize: { flag: 'batch-size', limits: { min: 1, integer: true } },
  learningRate: { flag: 'learning-rate', limits: { min: 1e-6, max: 1 } },
  hidden: { flag: 'hidden', limits: { min: 1, max: 1024, integer: true } },
  latentDim: { flag: 'latent-dim', limits: { min: 1, max: 64, integer: true } },
  seed: { flag: 'seed', limits: { integer: true } },
  patience: { flag: 'patience', limits: { min: 1, integer: true } },
  maxBadRowShare: { flag: 'max-bad-rows', limits: { min: 0, max: 1 } },
};

const USAGE = `Usage: npm run train -- [options]

  --data <file>          CSV of tracks (default NEXTBEAT_DATA or data/dataset.csv;
                         the default file is downloaded when missing)
  --db <file>            SQLite database (default NEXTBEAT_DB or db/nextbeat.sqlite)
  --models <dir>         where model files go (default NEXTBEAT_MODELS or models)
  --features <a,b,...>   audio features to learn from (default ${D.features.join(',')})
  --epochs <n>           at most this many epochs (default ${D.epochs}; early stopping may end sooner)
  --batch-size <n>       rows per step (default ${D.batchSize})
  --learning-rate <x>    Adam learning rate (default ${D.learningRate})
  --hidden <n>           hidden layer width (default ${D.hidden})
  --latent-dim <n>       size of each song's "DNA" (default ${D.latentDim})
  --seed <n>             random seed: same seed and data give the same vectors (default ${D.seed})
  --patience <n>         epochs without validation improvement before stopping (default ${D.patience})
  --backend <name>       ${BACKEND_CHOICES.join(' | ')} (default NEXTBEAT_BACKEND or auto)
  --columns <f=col,...>  take these columns for these fields when the names NextBeat recognises
                         do not fit, e.g. title=song,artists=singer,genres=mood,tempo=bpm
                         (fields: ${TRACK_COLUMNS.join(', ')} and any audio feature)
  --max-bad-rows <share> abort when more than this share of rows is invalid (default ${D.maxBadRowShare})
  --run-store <dir>      publish into this run store and flip its pointer, for replicas to
                         follow (default NEXTBEAT_RUN_STORE; --db and --models are then unused)
  --no-download          never download the data set
  --json                 print one JSON object per progress event
  -h, --help             show this help`;

await runCli(async () => {
  const { values } = parseArgsOrThrow();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const emit = chooseReporter(values.json ?? false);
  try {
    const options = trainingOptionsFrom(values, config);
    const runStore = values['run-store'] ?? config.runStore;
    const summary = runStore
      ? await trainIntoRunStore(options, runStore, emit, config.replicaName)
      : await runTraining(options, emit);
    if (!values.json) console.log(`\n${formatSummary(summary)}`);
  } catch (error) {
    // JSON readers get the message as an event; the other reporters only tidy up, runCli prints it.
    const explained = explainStorageFailure(error, values.db ?? config.dbPath);
    emit({
      type: 'error',
      message: explained instanceof Error ? explained.message : String(explained),
    });
    throw explained;
  }
}, USAGE);

type CliValues = ReturnType<typeof parseArgsOrThrow>['values'];

function trainingOptionsFrom(values: CliValues, config: Config): TrainingOptions {
  const dataPath = values.data ?? config.dataPath;
  const backend = backendOption(values.backend ?? config.backend);
  return {
    dataPath,
    datasetUrl: values['no-download'] || values.data ? undefined : config.datasetUrl,
    dbPath: values.db ?? config.dbPath,
    modelsDir: values.models ?? config.modelsDir,
    features: parseFeatures(values.features),
    columns: parseColumns(values.columns),
    ...numberSettings(values),
    backend,
  };
}

function numberSettings(values: CliValues): Pick<TrainingOptions, NumberSetting> {
  const raw = values as Record<string, string | boolean | undefined>;
  const settings = Object.entries(NUMBER_FLAGS).map(([key, { flag, limits }]) => {
    const given = raw[flag];
    const fallback = D[key as NumberSetting] as number;
    return [
      key,
      numberOption(flag, typeof given === 'string' ? given : undefined, fallback, limits),
    ];
  });
  return Object.fromEntries(settings) as Pick<TrainingOptions, NumberSetting>;
}

function parseArgsOrThrow() {
  try {
    return parseArgs({
      options: {
        data: { type: 'string' },
        db: { type: 'string' },
        models: { type: 'string' },
        features: { type: 'string' },
        columns: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        'learning-rate': { type: 'string' },
        hidden: { type: 'string' },
        'latent-dim': { type: 'string' },
        seed: { type: 'string' },
        patience: { type: 'string' },
        backend: { type: 'string' },
        'max-bad-rows': { type: 'string' },
        'run-store': { type: 'string' },
        'no-download': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseFeatures(raw: string | undefined): AudioFeature[] {
  if (raw === undefined) return [...D.features];
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isAudioFeature(name));
  if (unknown.length > 0 || names.length < 2) {
    throw new UsageError(
      `--features: ${unknown.length ? `unknown feature(s) ${unknown.join(', ')}` : 'give at least two'}`,
    );
  }
  return names as AudioFeature[];
}

function parseColumns(raw: string | undefined): ColumnMapping | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseColumnMapping(raw);
  } catch (error) {
    if (error instanceof ColumnMappingError) throw new UsageError(`--columns: ${error.message}`);
    throw error;
  }
}

function chooseReporter(json: boolean): EmitTrainingEvent {
  if (json) return jsonReporter((line) => process.stdout.write(`${line}\n`));
  if (process.stderr.isTTY) return terminalReporter(process.stderr);
  return plainReporter((line) => console.error(line));
}
