import { EmbedBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { MAX_CHARTS_IN_FLIGHT, sendPageWithChart } from '../../src/bot/pageWithChart.ts';
import { createLogger } from '../../src/logger.ts';

type Interaction = Parameters<typeof sendPageWithChart>[0];

function fakeInteraction() {
  const edits: unknown[] = [];
  const interaction = {
    isChatInputCommand: () => true,
    reply: async () => {},
    editReply: async (payload: unknown) => edits.push(payload),
  } as unknown as Interaction;
  return { interaction, edits };
}

describe('sendPageWithChart', () => {
  it('GIVEN more charts at once than allowed WHEN replying THEN the extra replies go out without one', async () => {
    const logger = createLogger({ level: 'silent' as 'info', format: 'json' });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = async () => {
      await gate;
      return Buffer.from('png');
    };
    const sent = Array.from({ length: MAX_CHARTS_IN_FLIGHT + 2 }, () => fakeInteraction());
    const done = sent.map(({ interaction }) =>
      sendPageWithChart(
        interaction,
        {
          reply: { embeds: [new EmbedBuilder().setTitle('t')], components: [] },
          chart: { name: 'c.png', render },
        },
        'reply',
        logger,
      ),
    );
    release();
    await Promise.all(done);
    expect(sent.filter((s) => s.edits.length === 1)).toHaveLength(MAX_CHARTS_IN_FLIGHT);
    expect(sent.filter((s) => s.edits.length === 0)).toHaveLength(2);
  });
});
