// One burst of the load test: a mix of /recommend, autocomplete, /similar-vibe and button presses,
// as INTERACTION_CREATE payloads for the fake Discord.
import type { APIInteraction, APIMessage } from 'discord.js';
import type { FakeDiscord } from '../fakeDiscord/index.ts';

export interface LoadTargets {
  trackIds: readonly string[];
  titles: readonly string[];
  /** A /recommend reply and a /similar-vibe reply whose buttons get pressed. */
  recommendMessage: APIMessage;
  vibeMessage: APIMessage;
}

const customIds = (message: APIMessage): string[] =>
  (message.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((c) => ('custom_id' in c && c.type === 2 ? [c.custom_id] : []))
      : [],
  );

/** `size` interactions: 30% recommend, 30% autocomplete, 20% vibe, 10% "more", 10% nudges. */
export function loadBurst(
  discord: FakeDiscord,
  targets: LoadTargets,
  size: number,
  round: number,
): APIInteraction[] {
  const { build } = discord;
  const nudges = customIds(targets.vibeMessage).filter((id) => id.startsWith('nudge:'));
  const [more] = customIds(targets.recommendMessage);
  const pick = <T>(list: readonly T[], i: number) => list[(i * 7919 + round * 31) % list.length]!;
  return Array.from({ length: size }, (_, i): APIInteraction => {
    const slot = i % 10;
    if (slot < 3)
      return build.chatInput({ name: 'recommend', options: { song: pick(targets.trackIds, i) } });
    if (slot < 6) {
      const title = pick(targets.titles, i);
      return build.autocomplete({
        name: 'recommend',
        focused: 'song',
        value: title.slice(0, 2 + (i % Math.max(1, title.length - 2))),
      });
    }
    if (slot < 8) {
      return build.chatInput({
        name: 'similar-vibe',
        options: { energy: (i % 11) / 10, tempo: 60 + (i % 15) * 10 },
      });
    }
    if (slot === 8) return build.button({ customId: more!, message: targets.recommendMessage.id });
    return build.button({ customId: pick(nudges, i), message: targets.vibeMessage.id });
  });
}
