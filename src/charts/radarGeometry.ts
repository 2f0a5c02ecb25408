// Pure geometry of a radar chart: where each axis points and where a value lands on it.

export interface Point {
  x: number;
  y: number;
}

/** Angle of axis `i` of `n`, clockwise from straight up. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/** Where `value` (0 at the centre, 1 at the rim) sits on axis `i` of `n`. */
export function radarPoint(
  center: Point,
  radius: number,
  i: number,
  n: number,
  value: number,
): Point {
  const angle = axisAngle(i, n);
  return {
    x: center.x + radius * value * Math.cos(angle),
    y: center.y + radius * value * Math.sin(angle),
  };
}

/** A series' value on each axis, clamped to [0, 1]; null where missing or not a finite number. */
export function axisValues(
  values: Partial<Record<string, number>>,
  features: readonly string[],
): (number | null)[] {
  return features.map((feature) => {
    const value = values[feature];
    return typeof value === 'number' && Number.isFinite(value)
      ? Math.min(1, Math.max(0, value))
      : null;
  });
}

/** Pairs of neighbouring axes that both have a value: the edges of a partial polygon. */
export function presentEdges(values: readonly (number | null)[]): [number, number][] {
  const n = values.length;
  const edges: [number, number][] = [];
  const last = n >= 3 ? n : n - 1; // with fewer than three axes the ring does not close
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    if (values[i] !== null && values[j] !== null) edges.push([i, j]);
  }
  return edges;
}
