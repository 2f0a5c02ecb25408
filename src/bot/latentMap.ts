// The served model's latent space as a picture for /about, drawn once per model run.
import { chartThread } from '../charts/chartThread.ts';
import { GENRE_FAMILIES } from '../core/latent/index.ts';
import { sampleLatentMap } from '../core/latent/index.ts';
import type { TrackCatalog } from '../core/catalog/index.ts';
import type { ServedModel } from './context.ts';

export const LATENT_MAP = 'latent-space.png';
const PLOTTED_TRACKS = 8000;
const cache = new Map<string, Promise<Buffer>>();

/** PNG of this model's latent space: a random sample of its tracks coloured by genre family. */
export function latentMapPng({ catalog }: ServedModel): Promise<Buffer> {
  let png = cache.get(catalog.runId);
  if (!png) {
    const sample = sampleLatentMap(
      catalog.vectors,
      catalog.latentDim,
      (row) => genresOf(catalog, row),
      PLOTTED_TRACKS,
      1,
    );
    png = chartThread.render({
      kind: 'latentMap',
      input: {
        ...sample,
        dim: catalog.latentDim,
        familyNames: GENRE_FAMILIES,
        title: `Song DNA of model ${catalog.runId}: ${sample.families.length} tracks by genre family`,
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

// Read from the genre table, so drawing the map does not build every Track object.
function genresOf({ genreTable }: TrackCatalog, row: number): string[] {
  const ids = genreTable.ids.subarray(genreTable.offsets[row], genreTable.offsets[row + 1]);
  return Array.from(ids, (id) => genreTable.names[id] ?? '');
}
