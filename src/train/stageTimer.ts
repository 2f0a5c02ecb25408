// Running the stages of a training run: announcing each, and timing it in wall-clock and CPU seconds.
import type { EmitTrainingEvent, Stage } from './events.ts';

/** Seconds per stage that ran, wall-clock and CPU (user + system, every thread of the process). */
export interface StageTimes {
  seconds: Partial<Record<Stage, number>>;
  cpuSeconds: Partial<Record<Stage, number>>;
}

/** Runs one named stage, emitting its start and end. */
export type RunStage = <T>(name: Stage, work: () => Promise<T> | T) => Promise<T>;

/** A stage runner that fills `times` as stages finish (a failed stage is not recorded). */
export function createStageTimer(emit: EmitTrainingEvent): { stage: RunStage; times: StageTimes } {
  const times: StageTimes = { seconds: {}, cpuSeconds: {} };
  const stage: RunStage = async (name, work) => {
    emit({ type: 'stage', stage: name, state: 'start' });
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const result = await work();
    const seconds = (performance.now() - wall) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const cpuSeconds = (user + system) / 1e6;
    times.seconds[name] = seconds;
    times.cpuSeconds[name] = cpuSeconds;
    emit({ type: 'stage', stage: name, state: 'done', seconds, cpuSeconds });
    return result;
  };
  return { stage, times };
}
