// The tracks a "Send me a playlist" press sends: what the chain has shown, topped up with its next
// tracks to PLAYLIST_SIZE, the most recent PLAYLIST_SIZE of them. Pressed twice it sends the same
// list; after "More like this" it moves on with the chain.
import type { Track } from '../../data/track.ts';
import type { BotContext } from '../context.ts';
import { listenerTaste } from '../listeners/taste.ts';
import type { Chain } from './chains.ts';
import { MAX_CHAIN_TRACKS, recordShown } from './chains.ts';
import { nextOfList, titleOfList } from './listKinds.ts';

/** Most tracks one playlist holds. */
export const PLAYLIST_SIZE = 50;

/** A playlist for `userId`: its title and tracks, none of them disliked by that listener. */
export function playlistOf(
  context: BotContext,
  chain: Chain,
  userId: string,
): { title: string; tracks: Track[] } {
  const { catalog } = context.model;
  const taste = listenerTaste(context.db, catalog, userId);
  const shown = chain.shown
    .map((id) => catalog.indexOfId(id))
    .filter((index) => index >= 0 && !taste.disliked.has(index));
  const room = Math.min(PLAYLIST_SIZE - shown.length, MAX_CHAIN_TRACKS - chain.shown.length);
  const more = room > 0 ? nextOfList(catalog, chain.state, chain.shown, taste, room) : [];
  // The chain's listener has now been shown these; someone else's playlist leaves the chain as it is.
  if (more.length > 0 && chain.userId === userId) {
    recordShown(
      context.db,
      chain,
      more.map((index) => catalog.columns.ids.at(index) as string),
    );
  }
  return {
    title: titleOfList(catalog, chain.state),
    tracks: [...shown, ...more].slice(-PLAYLIST_SIZE).map((index) => catalog.track(index)),
  };
}
