// Writes the evaluation's files: Markdown, JSON, and the two pictures, side by side in reports/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatReport } from './formatReport.ts';
import { renderLatentMap, renderLossCurves } from '../charts/index.ts';
import { GENRE_FAMILIES } from '../core/latent/index.ts';
import { sampleLatentMap } from '../core/latent/index.ts';
import type { EvaluationArtefacts, EvaluationResult } from './evaluationResult.ts';

const PLOTTED_TRACKS = 12_000;

/** Writes reports/evaluation.{md,json}, latent-space.png and loss-curve.png; returns their paths. */
export async function writeReports(
  result: EvaluationResult,
  artefacts: EvaluationArtefacts,
  { reportsDir = 'reports' } = {},
): Promise<string[]> {
  await mkdir(reportsDir, { recursive: true });
  const { codes, latentDim, familyGenres } = artefacts;
  const sample = sampleLatentMap(
    codes,
    latentDim,
    (row) => familyGenres[row] ?? [],
    PLOTTED_TRACKS,
    result.seed,
  );
  const files: [string, string | Buffer][] = [
    ['evaluation.md', formatReport(result)],
    ['evaluation.json', JSON.stringify(result, null, 2)],
    [
      'latent-space.png',
      await renderLatentMap({
        ...sample,
        dim: latentDim,
        familyNames: GENRE_FAMILIES,
        title: `Autoencoder latent space: ${sample.families.length} random tracks, coloured by genre family`,
      }),
    ],
    [
      'loss-curve.png',
      await renderLossCurves({
        runs: [
          {
            label: `Shipped recipe (best epoch ${artefacts.bestEpoch})`,
            loss: artefacts.history.loss,
            valLoss: artefacts.history.valLoss,
            emphasis: 'primary',
          },
        ],
        title: 'Autoencoder training: reconstruction MSE per epoch',
      }),
    ],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(reportsDir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
