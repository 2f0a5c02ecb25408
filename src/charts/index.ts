// The chart renderers the bot attaches to its replies: pure functions from data to PNG bytes.
export { renderFeatureRadar } from './renderFeatureRadar.ts';
export type { FeatureRadarInput, RadarSeries } from './renderFeatureRadar.ts';
export { renderLossCurves } from './renderLossCurves.ts';
export type { LossCurvesInput, LossRun } from './renderLossCurves.ts';
export { chartFontFamily, registerChartFont } from './fonts.ts';
export type { Emphasis } from './theme.ts';
export { renderLatentMap } from './renderLatentMap.ts';
export type { LatentMapInput } from './renderLatentMap.ts';
export { JOURNEY_COLOURS, renderJourneyMap } from './renderJourneyMap.ts';
export type { JourneyMapInput } from './renderJourneyMap.ts';
