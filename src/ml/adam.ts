// Adam, as tf.train.adam computes it, updating plain Float64Array weights in place.

export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  /** tfjs's default for float32 (the backend's epsilon). */
  epsilon?: number;
}

/** Adam's moment estimates for a list of weight arrays, and the step that updates them. */
export class Adam {
  private readonly firstMoments: Float64Array[];
  private readonly secondMoments: Float64Array[];
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private steps = 0;

  constructor(
    private readonly params: readonly Float64Array[],
    { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }: AdamOptions = {},
  ) {
    this.firstMoments = params.map((p) => new Float64Array(p.length));
    this.secondMoments = params.map((p) => new Float64Array(p.length));
    [this.beta1, this.beta2, this.epsilon] = [beta1, beta2, epsilon];
  }

  /** Moves every weight against its gradient (grads[i] matches params[i]) at this learning rate. */
  step(grads: readonly Float64Array[], learningRate: number): void {
    this.steps += 1;
    const { beta1, beta2, epsilon } = this;
    const firstCorrection = 1 - beta1 ** this.steps;
    const secondCorrection = 1 - beta2 ** this.steps;
    this.params.forEach((param, index) => {
      const grad = grads[index] as Float64Array;
      const m = this.firstMoments[index] as Float64Array;
      const v = this.secondMoments[index] as Float64Array;
      for (let k = 0; k < param.length; k++) {
        const g = grad[k] as number;
        m[k] = beta1 * (m[k] as number) + (1 - beta1) * g;
        v[k] = beta2 * (v[k] as number) + (1 - beta2) * g * g;
        const mHat = (m[k] as number) / firstCorrection;
        const vHat = (v[k] as number) / secondCorrection;
        param[k] = (param[k] as number) - (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
      }
    });
  }
}
