// What differs between kinds of list where a playlist is concerned: how the list goes on after
// what it has shown, and the line that names it. A new kind of list adds a case here.
import type { TrackCatalog } from '../../core/catalog/index.ts';
import { describeFeatureLimits, formatFeatureValue } from '../../core/queries/index.ts';
import type { AudioFeature } from '../../data/track.ts';
import type { ListenerTaste } from '../listeners/taste.ts';
import type { ListState } from './listState.ts';
import { nextRecommendations, nextVibeMatches, seedIndices } from './nextTracks.ts';

/** Catalog indices of the list's next `n` tracks after `shown`, for a listener of this taste. */
export function nextOfList(
  catalog: TrackCatalog,
  state: ListState,
  shown: readonly string[],
  taste: ListenerTaste,
  n: number,
): number[] {
  switch (state.kind) {
    case 'recommend':
      return nextRecommendations(catalog, state, shown, taste, n).map((r) => r.index);
    case 'vibe':
      return nextVibeMatches(catalog, state, shown, taste, n).map((m) => m.index);
    case 'journey':
      return []; // a journey is whole: its playlist is its stops
  }
}

/** One line naming the list: "If you like A and B", "Songs with energy 0.80, tempo 128 BPM". */
export function titleOfList(catalog: TrackCatalog, state: ListState): string {
  const limits = 'limits' in state && state.limits ? describeFeatureLimits(state.limits) : '';
  return limits ? `${listName(catalog, state)} (${limits})` : listName(catalog, state);
}

function listName(catalog: TrackCatalog, state: ListState): string {
  switch (state.kind) {
    case 'recommend': {
      const titles = seedIndices(catalog, state.seeds).map((i) => catalog.track(i).title);
      const joined =
        titles.length <= 1
          ? (titles[0] ?? '')
          : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
      return state.forYou ? `From your likes: ${joined}` : `If you like ${joined}`;
    }
    case 'vibe': {
      const targets = Object.entries(state.targets).map(
        ([feature, value]) => `${feature} ${formatFeatureValue(feature as AudioFeature, value)}`,
      );
      const wanted = targets.length > 0 ? `Songs with ${targets.join(', ')}` : 'Songs';
      return `${wanted}${state.genre ? ` in ${state.genre}` : ''}`;
    }
    case 'journey': {
      const [from, to] = seedIndices(catalog, [state.from, state.to]).map(
        (i) => catalog.track(i).title,
      );
      return `From ${from} to ${to}`;
    }
  }
}
