// Wires the bot to src/ops: counts and times every interaction, counts reply charts, and answers
// /healthz and /metrics from the live context, so a swapped-in model shows at once.
import { ShardClientUtil, type Client, type Interaction } from 'discord.js';
import type { Config } from '../config.ts';
import { BotMetrics, type InteractionLabels, type InteractionOutcome } from '../ops/botMetrics.ts';
import { onChart } from '../ops/chartEvents.ts';
import { startHealthServer, type HealthReport, type HealthServer } from '../ops/healthServer.ts';
import type { ComponentHandler, SlashCommand } from './command.ts';
import type { ServedModel } from './context.ts';

export class BotMonitor {
  readonly metrics = new BotMetrics();
  /** Set once the bot serves (commands registered), cleared when it starts stopping. */
  ready = false;
  #model: () => ServedModel | undefined = () => undefined;
  #client: Client | undefined;
  #mode: Config['mode'] = 'gateway';
  #server: HealthServer | undefined;
  readonly #stopCounting = onChart((outcome) => this.metrics.recordChart(outcome));
  readonly #names: Set<string>;
  readonly #prefixes: Set<string>;

  constructor(
    private readonly startedAt: Date,
    commands: readonly SlashCommand[],
    components: readonly ComponentHandler[],
  ) {
    this.#names = new Set(commands.map((command) => command.data.name));
    this.#prefixes = new Set(components.map((component) => component.prefix));
  }

  /** Starts /healthz and /metrics when a port is configured; returns their base URL. */
  async listen(config: Pick<Config, 'healthHost' | 'healthPort'>): Promise<string | undefined> {
    if (config.healthPort === undefined) return undefined;
    this.#server = await startHealthServer(
      { host: config.healthHost, port: config.healthPort },
      {
        health: () => this.health(),
        metrics: () => this.#metricsText(),
      },
    );
    return this.#server.url;
  }

  /** Reads the served model (it is swapped by a retrain), the client and the mode from now on. */
  watch(model: () => ServedModel | undefined, client: Client, mode: Config['mode']): void {
    this.#model = model;
    this.#client = client;
    this.#mode = mode;
  }

  /** The dispatcher, counted and timed. */
  measure(
    dispatch: (interaction: Interaction) => Promise<InteractionOutcome>,
  ): (interaction: Interaction) => Promise<void> {
    return async (interaction) => {
      const start = performance.now();
      const outcome = await dispatch(interaction);
      this.metrics.recordInteraction(
        this.#labels(interaction),
        outcome,
        (performance.now() - start) / 1000,
      );
    };
  }

  /** What /healthz reports. */
  health(): HealthReport {
    const model = this.#model();
    return {
      ready: this.ready,
      mode: this.#mode,
      runId: model?.run.id ?? null,
      catalogTracks: model?.catalog.size ?? 0,
      shards: this.#client?.ws.shards.size ?? 0,
      uptimeSeconds: Math.round((Date.now() - this.startedAt.getTime()) / 1000),
    };
  }

  /** Stops the server and the chart counting. */
  async close(): Promise<void> {
    this.#stopCounting();
    await this.#server?.close();
  }

  #metricsText(): string {
    const { ready, catalogTracks, shards } = this.health();
    return this.metrics.render({ ready, catalogTracks, shards, startedAt: this.startedAt });
  }

  #labels(interaction: Interaction): InteractionLabels {
    const shard = String(this.#shardOf(interaction));
    const known = (name: string, set: Set<string>) => (set.has(name) ? name : 'unknown');
    if (interaction.isAutocomplete())
      return { kind: 'autocomplete', command: known(interaction.commandName, this.#names), shard };
    if (interaction.isChatInputCommand())
      return { kind: 'command', command: known(interaction.commandName, this.#names), shard };
    if (interaction.isMessageComponent()) {
      const prefix = interaction.customId.split(':', 1)[0] ?? '';
      return { kind: 'component', command: known(prefix, this.#prefixes), shard };
    }
    return { kind: 'other', command: 'unknown', shard };
  }

  // The shard whose GUILD_CREATE brought the guild in; direct messages come on shard 0.
  #shardOf(interaction: Interaction): number {
    if (!interaction.guildId) return 0;
    if (interaction.guild) return interaction.guild.shardId;
    const count = this.#client?.ws.shards.size ?? 1;
    return ShardClientUtil.shardIdForGuildId(interaction.guildId, Math.max(count, 1));
  }
}
