// Computes one page of recommendations for a state: shared by /recommend, "More like this" and the menu.
import { UserFacingError } from '../core/errors.ts';
import { recommendFromTrack } from '../core/recommend.ts';
import type { Track } from '../data/track.ts';
import type { ServedModel } from './context.ts';
import { recommendationReply } from './embeds/recommendationReply.ts';
import type { RecommendState } from './recommendState.ts';

/** The reply (embed + components) for this state, from the model being served now. */
export function recommendPage(
  model: ServedModel,
  state: RecommendState,
  alternatives: readonly string[] = [],
) {
  const { catalog } = model;
  const index = catalog.indexOfId(state.trackId);
  if (index < 0) {
    throw new UserFacingError(
      'That song is not in the current model any more. Run /recommend again.',
    );
  }
  const results = recommendFromTrack(catalog, index, {
    count: state.count,
    offset: state.offset,
    sameGenre: state.sameGenre,
    noExplicit: state.noExplicit,
    ...(state.genre ? { genre: state.genre } : {}),
    ...(state.excludeArtist ? { excludeArtist: state.excludeArtist } : {}),
  });
  return recommendationReply(
    catalog.tracks[index] as Track,
    results,
    state,
    catalog.runId,
    alternatives,
  );
}
