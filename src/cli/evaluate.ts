// `npm run evaluate`: measures the autoencoder against PCA, raw features and chance, and what the
// served ranking gives a listener; writes reports/.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { BACKEND_CHOICES } from '../ml/backendChoice.ts';
import { downloadDataset } from '../data/downloadDataset.ts';
import { selectBackend } from '../ml/backend.ts';
import { formatResultsTable } from '../eval/formatReport.ts';
import { formatServedTable } from '../eval/formatServing.ts';
import { runEvaluation } from '../eval/runEvaluation.ts';
import { writeReports } from '../eval/writeReports.ts';
import { backendOption, numberOption, runCli, UsageError } from './runCli.ts';

const USAGE = `Usage: npm run evaluate -- [options]

  --data <file>     CSV of tracks (default NEXTBEAT_DATA or data/dataset.csv;
                    the default file is downloaded when missing)
  --no-download     never download the data set
  --reports <dir>   where the report and its pictures go (default reports/)
  --quick           fewer queries, epochs and variants (a smoke run)
  --seed <n>        seed of the split, queries and first model (default 42)
  --backend <name>  ${BACKEND_CHOICES.join(' | ')} (default NEXTBEAT_BACKEND or auto)
  -h, --help        show this help`;

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        'no-download': { type: 'boolean' },
        reports: { type: 'string' },
        quick: { type: 'boolean' },
        seed: { type: 'string' },
        backend: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const backend = backendOption(values.backend ?? config.backend);
  const dataPath = values.data ?? config.dataPath;
  if (!values.data && !values['no-download'] && !existsSync(dataPath)) {
    console.error(`No data set at ${dataPath} yet: downloading it from ${config.datasetUrl}`);
    const { bytes } = await downloadDataset(config.datasetUrl, dataPath);
    console.error(`Downloaded ${(bytes / 1e6).toFixed(1)} MB to ${dataPath}`);
  }
  await selectBackend(backend);
  const { result, artefacts } = await runEvaluation({
    dataPath,
    quick: values.quick ?? false,
    seed: numberOption('seed', values.seed, 42, { integer: true }),
    log: (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  });
  const written = await writeReports(
    result,
    artefacts,
    values.reports ? { reportsDir: values.reports } : {},
  );
  console.log(`\n${formatResultsTable(result)}\n\n${formatServedTable(result.serving)}\n`);
  console.log(
    `Evaluation took ${result.seconds.toFixed(0)} s (CPU ${result.cpuSeconds.toFixed(0)} s); wrote ${written.join(', ')}`,
  );
}, USAGE);
