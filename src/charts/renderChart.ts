// One entry point for every chart, keyed by kind, so a chart can be asked for in a message.
import type { FeatureRadarInput } from './renderFeatureRadar.ts';
import { renderFeatureRadar } from './renderFeatureRadar.ts';
import type { JourneyMapInput } from './renderJourneyMap.ts';
import { renderJourneyMap } from './renderJourneyMap.ts';
import type { LatentMapInput } from './renderLatentMap.ts';
import { renderLatentMap } from './renderLatentMap.ts';
import type { LossCurvesInput } from './renderLossCurves.ts';
import { renderLossCurves } from './renderLossCurves.ts';

export type ChartRequest =
  | { kind: 'radar'; input: FeatureRadarInput }
  | { kind: 'loss'; input: LossCurvesInput }
  | { kind: 'latentMap'; input: LatentMapInput }
  | { kind: 'journeyMap'; input: JourneyMapInput };

/** Draws the requested chart and returns its PNG bytes. */
export function renderChart(request: ChartRequest): Promise<Buffer> {
  switch (request.kind) {
    case 'radar':
      return renderFeatureRadar(request.input);
    case 'loss':
      return renderLossCurves(request.input);
    case 'latentMap':
      return renderLatentMap(request.input);
    case 'journeyMap':
      return renderJourneyMap(request.input);
  }
}
