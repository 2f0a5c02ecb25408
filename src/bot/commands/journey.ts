// /journey from: to: [stops:]: a playlist that walks from one song to another through the DNA;
// like every list, it can be rated and taken away, and avoids the listener's dismissed songs.
import { SlashCommandBuilder } from 'discord.js';
import { MAX_STOPS, MIN_STOPS, planJourney, resolveTrack } from '../../core/queries/index.ts';
import { searchTitles } from '../../core/queries/index.ts';
import type { SlashCommand } from '../command.ts';
import { journeyReply } from '../embeds/journeyReply.ts';
import { listenerTaste } from '../listeners/taste.ts';
import { startChain } from '../lists/chains.ts';
import type { JourneyListState } from '../lists/listState.ts';
import { JOURNEY_MAP, journeyMapPng } from '../latentMap.ts';
import { sendPageWithChart, type PageWithChart } from '../pageWithChart.ts';
import { popularityChoice, popularityOption } from '../popularityOption.ts';

export const journeyCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('journey')
    .setDescription('A playlist that walks from one song to another, one step of sound at a time')
    .addStringOption((o) =>
      o
        .setName('from')
        .setDescription('The song to start from (title or Spotify link)')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .addStringOption((o) =>
      o
        .setName('to')
        .setDescription('The song to arrive at (title or Spotify link)')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .addIntegerOption((o) =>
      o
        .setName('stops')
        .setDescription(`Songs in the playlist, both ends included (default 10)`)
        .setMinValue(MIN_STOPS)
        .setMaxValue(MAX_STOPS),
    )
    .addStringOption((o) => popularityOption(o)),

  async autocomplete(interaction, { model }) {
    const typed = interaction.options.getFocused();
    const choices = searchTitles(model.catalog, typed).map((m) => ({
      name: m.label,
      value: m.value,
    }));
    await interaction.respond(choices.slice(0, 25));
  },

  async execute(interaction, { model, db, logger }) {
    const { catalog } = model;
    const userId = interaction.user.id;
    const from = resolveTrack(catalog, interaction.options.getString('from', true));
    const to = resolveTrack(catalog, interaction.options.getString('to', true));
    const state: JourneyListState = {
      kind: 'journey',
      from: from.track.id,
      to: to.track.id,
      count: interaction.options.getInteger('stops') ?? 10,
      popularity: popularityChoice(interaction),
    };
    // The listener's dismissed songs are never stops (the two ends are theirs to choose).
    const stops = planJourney(catalog, from.index, to.index, {
      stops: state.count,
      popularity: state.popularity,
      excludeTracks: listenerTaste(db, catalog, userId).disliked,
    });
    const chain = startChain(
      db,
      userId,
      state,
      stops.map((stop) => stop.track.id),
    );
    const page: PageWithChart = {
      reply: journeyReply(catalog, stops, chain.id),
      chart: {
        name: JOURNEY_MAP,
        render: () =>
          journeyMapPng(
            catalog,
            stops.map((stop) => stop.index),
          ),
      },
    };
    await sendPageWithChart(interaction, page, 'reply', logger);
  },
};
