// A reply in flight when a stop signal comes: /recommend sent while Discord is slow (2 s) to take
// its callback, returned once the bot has started posting that callback.
import { expect } from 'vitest';
import type { FakeDiscord } from '../fakeDiscord/index.ts';
import { SHAPE_OF_YOU_IDS } from './syntheticTracksCsv.ts';

/** Sends /recommend and resolves when its callback is on its way to the slowed fake Discord. */
export async function recommendInFlight(discord: FakeDiscord) {
  discord.setRestFault('POST /interactions', { delayMs: 2_000 });
  const interaction = await discord.sendInteraction(
    discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  await expect
    .poll(() => discord.requests.some((r) => r.path.includes(`/interactions/${interaction.id}/`)))
    .toBe(true);
  return interaction;
}
