// The served model's latent space as pictures: the whole map for /about (drawn once per model
// run), and a journey's path on it for /journey (drawn per journey, over the same sample).
import { chartThread } from '../charts/chartThread.ts';
import { GENRE_FAMILIES } from '../core/latent/index.ts';
import { sampleLatentMap } from '../core/latent/index.ts';
import type { TrackCatalog } from '../core/catalog/index.ts';
import type { ServedModel } from './context.ts';

export const LATENT_MAP = 'latent-space.png';
export const JOURNEY_MAP = 'journey.png';
const PLOTTED_TRACKS = 8000;
const cache = new Map<string, Promise<Buffer>>();
type Sample = ReturnType<typeof sampleLatentMap>;
let sample: { runId: string; sample: Sample } | undefined;

/** The seeded sample of this catalog's tracks both pictures draw (kept for the served run only). */
function sampleOf(catalog: TrackCatalog): Sample {
  if (sample?.runId !== catalog.runId) {
    const drawn = sampleLatentMap(
      catalog.vectors,
      catalog.latentDim,
      (row) => genresOf(catalog, row),
      PLOTTED_TRACKS,
      1,
    );
    sample = { runId: catalog.runId, sample: drawn };
  }
  return sample.sample;
}

/** PNG of this model's latent space: a random sample of its tracks coloured by genre family. */
export function latentMapPng({ catalog }: ServedModel): Promise<Buffer> {
  let png = cache.get(catalog.runId);
  if (!png) {
    const drawn = sampleOf(catalog);
    png = chartThread.render({
      kind: 'latentMap',
      input: {
        ...drawn,
        dim: catalog.latentDim,
        familyNames: GENRE_FAMILIES,
        title: `Song DNA of model ${catalog.runId}: ${drawn.families.length} tracks by genre family`,
        width: 1000,
        height: 520,
      },
    });
    cache.clear(); // only the served run's map is worth keeping
    cache.set(catalog.runId, png);
    png.catch(() => cache.delete(catalog.runId));
  }
  return png;
}

/** PNG of a journey's stops (catalog indices, in order) joined on the latent map. */
export function journeyMapPng(catalog: TrackCatalog, stops: readonly number[]): Promise<Buffer> {
  const dim = catalog.latentDim;
  const codes = new Float32Array(stops.length * dim);
  stops.forEach((index, s) => codes.set(catalog.vectorOf(index), s * dim));
  const [first, last] = [stops[0], stops.at(-1)].map((i) => catalog.track(i as number));
  return chartThread.render({
    kind: 'journeyMap',
    input: {
      ...sampleOf(catalog),
      dim,
      familyNames: GENRE_FAMILIES,
      stops: codes,
      startLabel: `${first?.title} - ${first?.artists[0] ?? ''}`,
      endLabel: `${last?.title} - ${last?.artists[0] ?? ''}`,
      title: `The journey's ${stops.length} stops on the song DNA map (zoomed to the path)`,
    },
  });
}

// Read from the genre table, so drawing the map does not build every Track object.
function genresOf({ genreTable }: TrackCatalog, row: number): string[] {
  const ids = genreTable.ids.subarray(genreTable.offsets[row], genreTable.offsets[row + 1]);
  return Array.from(ids, (id) => genreTable.names[id] ?? '');
}
