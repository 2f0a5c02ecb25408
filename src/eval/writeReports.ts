// Writes the evaluation's files: Markdown, JSON, and the two pictures (also copied to docs/images).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatReport } from './formatReport.ts';
import { GENRE_FAMILIES, genreFamilyOf } from './genreFamilies.ts';
import { drawLatentPlot } from './latentPlot.ts';
import { drawLossCurve } from './lossCurvePlot.ts';
import type { EvaluationArtefacts, EvaluationResult } from './runEvaluation.ts';
import { mulberry32 } from '../ml/seededShuffle.ts';

const PLOTTED_TRACKS = 12_000;

/** Writes reports/evaluation.{md,json}, latent-space.png and loss-curve.png; returns their paths. */
export async function writeReports(
  result: EvaluationResult,
  artefacts: EvaluationArtefacts,
  { reportsDir = 'reports', imagesDir = 'docs/images' } = {},
): Promise<string[]> {
  await mkdir(reportsDir, { recursive: true });
  await mkdir(imagesDir, { recursive: true });
  const { codes, latentDim, familyGenres } = artefacts;
  const n = codes.length / latentDim;
  const random = mulberry32(result.seed);
  const count = Math.min(n, PLOTTED_TRACKS);
  const sample = new Float32Array(count * latentDim);
  const families = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const row = Math.floor(random() * n);
    sample.set(codes.subarray(row * latentDim, (row + 1) * latentDim), i * latentDim);
    families[i] = genreFamilyOf(familyGenres[row] ?? []);
  }
  const files: [string, string | Buffer][] = [
    ['evaluation.md', formatReport(result)],
    ['evaluation.json', JSON.stringify(result, null, 2)],
    [
      'latent-space.png',
      drawLatentPlot({
        codes: sample,
        dim: latentDim,
        families,
        familyNames: GENRE_FAMILIES,
        title: `Autoencoder latent space: ${count} random tracks, coloured by genre family`,
      }),
    ],
    [
      'loss-curve.png',
      drawLossCurve({
        loss: artefacts.history.loss,
        valLoss: artefacts.history.valLoss,
        bestEpoch: artefacts.bestEpoch,
        title: 'Autoencoder training: reconstruction MSE per epoch (dashed: kept epoch)',
      }),
    ],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(reportsDir, name);
    await writeFile(path, content);
    written.push(path);
    if (name.endsWith('.png')) {
      await copyFile(path, join(imagesDir, name));
      written.push(join(imagesDir, name));
    }
  }
  return written;
}
