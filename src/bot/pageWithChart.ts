// A reply goes out as soon as its text is ready; its chart follows as an edit, so drawing and
// encoding never delay the answer (Discord allows 3 s) and a failed chart leaves the text as it is.
import { MessageFlags } from 'discord.js';
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  EmbedBuilder,
  InteractionReplyOptions,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import { reportChart } from '../ops/chartEvents.ts';
import { chartAttachment } from './featureCharts.ts';

export interface PageWithChart {
  reply: { embeds: EmbedBuilder[]; components: NonNullable<InteractionReplyOptions['components']> };
  /** The picture for the first embed, if there is anything to draw. */
  chart?: { name: string; render: () => Promise<Buffer> };
  /** A new reply only its listener sees (a list made from their likes). */
  ephemeral?: boolean;
}

/** Charts being drawn, encoded or uploaded at once; past this, replies go out without one. */
export const MAX_CHARTS_IN_FLIGHT = 4;
let chartsInFlight = 0;

type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/** Answers with the page (a new reply, or in place of the component's message), then adds the chart. */
export async function sendPageWithChart(
  interaction: Answerable,
  page: PageWithChart,
  mode: 'reply' | 'update',
  logger: Logger,
): Promise<void> {
  if (mode === 'update' && !interaction.isChatInputCommand()) {
    // Drop the previous page's chart now; the new one follows.
    await interaction.update({ ...page.reply, files: [], attachments: [] });
  } else {
    await interaction.reply({
      ...page.reply,
      ...(page.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
    });
  }
  if (!page.chart) return;
  if (chartsInFlight >= MAX_CHARTS_IN_FLIGHT) {
    // Under a burst the chart thread falls behind: shed pictures rather than queue ones that
    // would arrive long after their answers.
    logger.debug({ chart: page.chart.name }, 'busy: reply sent without its chart');
    reportChart('shed');
    return;
  }
  chartsInFlight += 1;
  try {
    const file = await chartAttachment(page.chart.name, page.chart.render, logger);
    if (!file) return reportChart('failed');
    page.reply.embeds[0]?.setImage(`attachment://${page.chart.name}`);
    await interaction.editReply({ embeds: page.reply.embeds, files: [file] });
    reportChart('drawn');
  } catch (error) {
    logger.warn({ err: error }, 'could not add the chart to the reply');
    reportChart('failed');
  } finally {
    chartsInFlight -= 1;
  }
}
