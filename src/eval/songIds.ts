// Song ids: releases of the same song (same normalised title and primary artist) share one id.
import { songKeyOf } from '../core/titles/index.ts';
import type { Track } from '../data/track.ts';

/** One id per track; tracks that are releases of the same song get the same id. */
export function songIdsOf(tracks: readonly Track[]): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(tracks.length);
  tracks.forEach((track, i) => {
    const key = songKeyOf(track.title, track.artists[0] ?? '');
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    out[i] = id;
  });
  return out;
}
