// How varied the reason lines are: the share of lines each phrase appears in ("same tempo",
// "much more acoustic"), numbers left out, each phrase counted once per line.
import { reasonPhrases } from '../core/queries/index.ts';

export interface PhraseShare {
  phrase: string;
  /** Share of lines holding the phrase. */
  share: number;
}

export interface ReasonVariety {
  lines: number;
  distinctPhrases: number;
  /** The most common phrases, most common first (ties by phrase). */
  top: PhraseShare[];
}

/** Phrase shares over `lines`, keeping the `keep` most common. */
export function reasonVariety(lines: readonly string[], keep = 5): ReasonVariety {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const phrase of new Set(reasonPhrases(line))) {
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  const top = [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, keep)
    .map(([phrase, count]) => ({ phrase, share: count / Math.max(1, lines.length) }));
  return { lines: lines.length, distinctPhrases: counts.size, top };
}
