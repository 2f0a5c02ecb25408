// Runs a vibe query for a state and builds its reply: shared by /similar-vibe and the nudge buttons.
import { findTracksByVibe } from '../core/vibe.ts';
import type { ServedModel } from './context.ts';
import { vibeReply } from './embeds/vibeReply.ts';
import type { VibeState } from './vibeState.ts';

/** The reply (embed + nudge buttons) for this vibe, from the model being served now. */
export function vibePage(model: ServedModel, state: VibeState) {
  const matches = findTracksByVibe(model.catalog, {
    targets: state.targets,
    count: state.count,
    ...(state.genre ? { genre: state.genre } : {}),
  });
  return vibeReply(state, matches, model.catalog.runId);
}
