// The one description of a run's Min-Max scaler, shared by training (ml/scaler.ts) and serving.

/** Fitted scaler, plain JSON stored with a run: scaled = clamp((value - min) / (max - min), 0, 1). */
export interface ScalerParams {
  features: string[];
  /** Per feature: the lower percentile of the training values (maps to 0). */
  min: number[];
  /** Per feature: the upper percentile of the training values (maps to 1). */
  max: number[];
  lowerPercentile: number;
  upperPercentile: number;
}
