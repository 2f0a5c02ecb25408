// Axis scales with round tick values (0, 0.01, 0.02 ... rather than 0, 0.0137 ...).

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

// The round step (1, 2 or 5 times a power of ten) nearest to `raw`.
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** A scale covering [lo, hi] whose ends and roughly `count` ticks are round numbers. */
export function niceScale(lo: number, hi: number, count = 5): NiceScale {
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceScale(lo - pad, hi + pad, count);
  }
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min, max, step, ticks };
}

/** Tick text with just enough decimals for the step: 0.005 steps give "0.015", 5 gives "15". */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9)));
  return value.toFixed(decimals);
}

/** Whole-number epoch ticks from 1 to `epochs`: 1 first, then round steps not crowding it. */
export function epochTicks(epochs: number, count = 6): number[] {
  if (epochs <= 1) return [1];
  const step = Math.max(1, Math.round(niceStep((epochs - 1) / Math.max(1, count - 1))));
  const ticks = [1];
  for (let v = step; v <= epochs; v += step) if (v - 1 >= step * 0.5) ticks.push(v);
  return ticks;
}
