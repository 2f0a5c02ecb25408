// The hard constraints of a recommendation: filters, same genre as a seed, the popularity mode's
// bounds unless the listener set their own, and tracks the listener must not be shown.
import type { TrackCatalog } from '../catalog/index.ts';
import { FEATURE_COUNT, tracksShareGenre } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import type { FeatureLimits } from './featureLimits.ts';
import type { PopularityRule } from './popularityMode.ts';
import type { RecommendOptions } from './recommendOptions.ts';
import { compileTrackFilter } from './trackFilter.ts';
import { compileVibe } from './vibeQuery.ts';

/**
 * A predicate over track indices, or undefined when nothing constrains the list (the neighbour
 * search then skips a call per visited track); throws a user-facing error for a filter that
 * cannot apply.
 */
export function compileSeedFilter(
  catalog: TrackCatalog,
  seeds: readonly number[],
  options: RecommendOptions,
  rule: PopularityRule,
): ((index: number) => boolean) | undefined {
  const bounded = options.minPopularity !== undefined || options.maxPopularity !== undefined;
  const filter = compileTrackFilter(
    catalog,
    bounded
      ? options
      : { ...options, minPopularity: rule.minPopularity, maxPopularity: rule.maxPopularity },
  );
  const { offsets } = catalog.genreTable;
  const genreless = seeds.filter((seed) => offsets[seed] === offsets[seed + 1]);
  if (options.sameGenre && genreless.length === seeds.length) {
    const title = catalog.columns.titles.at(seeds[0] as number);
    throw new InvalidQueryError(`"${title}" has no genre, so "same genre" cannot apply.`);
  }
  const excluded = options.excludeTracks;
  const withinLimits = compileLimits(catalog, options.limits);
  if (!constrains(options, bounded ? options : rule, excluded)) return undefined;
  return (index) =>
    filter(index) &&
    !excluded?.has(index) &&
    withinLimits(index) &&
    (!options.sameGenre || seeds.some((seed) => tracksShareGenre(catalog.genreTable, seed, index)));
}

/** Every limit met; checked as vibe bounds are (32-bit, so a bound at a track's value includes it). */
function compileLimits(
  catalog: TrackCatalog,
  limits: FeatureLimits | undefined,
): (index: number) => boolean {
  if (!limits) return () => true;
  const { boundColumns, boundMin, boundMax } = compileVibe(catalog, { targets: {}, ...limits });
  const { raw } = catalog.featureTable;
  return (index) => {
    for (let b = 0; b < boundColumns.length; b++) {
      const v = raw[index * FEATURE_COUNT + (boundColumns[b] as number)] as number;
      if (!(v >= (boundMin[b] as number) && v <= (boundMax[b] as number))) return false;
    }
    return true;
  };
}

/** Whether any filter, bound, limit or exclusion is set. */
function constrains(
  options: RecommendOptions,
  bounds: { minPopularity?: number; maxPopularity?: number },
  excluded: ReadonlySet<number> | undefined,
): boolean {
  return Boolean(
    options.genre ||
    options.excludeArtist ||
    options.noExplicit ||
    options.sameGenre ||
    options.limits ||
    (excluded && excluded.size > 0) ||
    bounds.minPopularity !== undefined ||
    bounds.maxPopularity !== undefined,
  );
}
