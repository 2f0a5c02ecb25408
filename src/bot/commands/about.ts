// /about: which model is serving, on what data, how well it fits, and how long the bot has been up.
import { EmbedBuilder, SlashCommandBuilder, time, TimestampStyles } from 'discord.js';
import { formatCount } from '../../core/queries/index.ts';
import type { SlashCommand } from '../command.ts';
import { EMBED_COLOUR } from '../embeds/recommendationReply.ts';
import { chartAttachment } from '../featureCharts.ts';
import { LATENT_MAP, latentMapPng } from '../latentMap.ts';

export const aboutCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('about')
    .setDescription('About NextBeat and the model it serves')
    .addBooleanOption((o) =>
      o.setName('map').setDescription("Show a map of the songs' DNA (the latent space)"),
    ),

  async execute(interaction, { model, startedAt, logger }) {
    const { run, catalog } = model;
    const m = run.metrics;
    const embed = new EmbedBuilder()
      .setColor(EMBED_COLOUR)
      .setTitle('NextBeat')
      .setDescription(
        'Recommends songs by how they sound: a 3-number "DNA" learned from audio features.',
      )
      .addFields(
        { name: 'Model run', value: `\`${run.id}\``, inline: true },
        {
          name: 'Trained',
          value: time(new Date(run.createdAt), TimestampStyles.RelativeTime),
          inline: true,
        },
        { name: 'Tracks', value: formatCount(catalog.size), inline: true },
        {
          name: 'Data set',
          value: `${run.dataFile.split(/[\\/]/).at(-1)} (${formatCount(run.counts.rowsRead)} rows)`,
          inline: true,
        },
        { name: 'Features', value: run.features.join(', ') },
        {
          name: 'Fit',
          value: `validation MSE ${m.valMse.toFixed(5)} vs ${m.meanBaselineMse.toFixed(5)} for predicting the mean; ${m.epochsRun} epochs on ${run.backend}`,
        },
        { name: 'Up since', value: time(startedAt, TimestampStyles.RelativeTime), inline: true },
      );
    const map = interaction.options.getBoolean('map')
      ? await chartAttachment(LATENT_MAP, () => latentMapPng(model), logger)
      : undefined;
    if (map) embed.setImage(`attachment://${LATENT_MAP}`);
    await interaction.reply({ embeds: [embed], files: map ? [map] : [] });
  },
};
