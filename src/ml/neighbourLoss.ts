// The extra loss term that keeps raw-feature neighbourhoods together in the latent space.
import * as tf from '@tensorflow/tfjs';

/** Which neighbour term: UMAP-like attraction/repulsion, or stress on distances. */
export type NeighbourLossKind = 'contrastive' | 'stress';

/**
 * Loss on latent codes of a batch (z), of a raw-space neighbour of each row (zMate) and of a random
 * other row (zOther). 'contrastive' (UMAP's cross-entropy with a = b = 1): pull neighbours to
 * q = 1 / (1 + d²) near 1 and push random pairs to q near 0. 'stress': make latent distances equal
 * raw ones (dx) for both kinds of pair.
 */
export function neighbourLoss(
  kind: NeighbourLossKind,
  z: tf.Tensor2D,
  zMate: tf.Tensor2D,
  zOther: tf.Tensor2D,
  dxMate: tf.Tensor1D,
  dxOther: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => {
    const near = tf.sum(tf.square(tf.sub(z, zMate)), 1);
    const far = tf.sum(tf.square(tf.sub(z, zOther)), 1);
    if (kind === 'contrastive') {
      const attract = tf.log1p(near);
      const repel = tf.sub(tf.log1p(far), tf.log(tf.add(far, 1e-4)));
      return tf.mean(tf.add(attract, repel)) as tf.Scalar;
    }
    const nearGap = tf.square(tf.sub(tf.sqrt(tf.add(near, 1e-8)), dxMate));
    const farGap = tf.square(tf.sub(tf.sqrt(tf.add(far, 1e-8)), dxOther));
    return tf.mean(tf.add(nearGap, farGap)) as tf.Scalar;
  });
}

/** Euclidean distance between matching rows of two row-major matrices (rows x dim). */
export function rowDistances(a: Float32Array, b: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(a.length / dim);
  for (let r = 0; r < out.length; r++) {
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const diff = (a[r * dim + d] as number) - (b[r * dim + d] as number);
      sum += diff * diff;
    }
    out[r] = Math.sqrt(sum);
  }
  return out;
}
