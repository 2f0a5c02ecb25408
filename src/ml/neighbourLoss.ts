// The extra loss term that keeps raw-feature neighbourhoods together in the latent space.
import * as tf from '@tensorflow/tfjs';

/**
 * Which neighbour term: UMAP-like attraction/repulsion, stress on distances, or a t-SNE-like
 * InfoNCE term with a Student-t kernel and every other row of the batch as a negative.
 */
export type NeighbourLossKind = 'contrastive' | 'stress' | 'tsne';

/** Whether a kind uses the random "other" row of each pair (the 'tsne' term uses the whole batch). */
export function usesOtherRows(kind: NeighbourLossKind): boolean {
  return kind !== 'tsne';
}

/**
 * InfoNC-t-SNE (Damrich et al. 2023, "From t-SNE to UMAP with contrastive learning"): the batch is
 * 2n codes, rows i and i + n (mod 2n) are raw-space neighbours. Each row should pick its partner
 * among the other 2n - 1 rows with probability q = w(partner) / sum w, w = 1 / (1 + (scale·d)²):
 * the Student-t kernel of t-SNE, normalised over the batch. Returns the mean of -log q. `scale`
 * stretches the codes first (t-SNE maps span tens of units; autoencoder codes about one).
 */
export function tsneLoss(z: tf.Tensor2D, zMate: tf.Tensor2D, scale = 1): tf.Scalar {
  return tf.tidy(() => {
    const n = z.shape[0];
    const all = tf.mul(tf.concat([z, zMate], 0), scale);
    const sq = tf.sum(tf.square(all), 1);
    const d2 = tf.relu(
      tf.sub(
        tf.add(sq.expandDims(1), sq.expandDims(0)),
        tf.mul(2, tf.matMul(all, all, false, true)),
      ),
    );
    const logits = tf.neg(tf.log1p(d2));
    const self = tf.mul(tf.eye(2 * n), 1e9);
    const partner = tf.concat([tf.range(n, 2 * n, 1, 'int32'), tf.range(0, n, 1, 'int32')]);
    const positive = tf.sum(tf.mul(logits, tf.oneHot(partner, 2 * n)), 1);
    const normaliser = tf.logSumExp(tf.sub(logits, self), 1);
    return tf.mean(tf.sub(normaliser, positive)) as tf.Scalar;
  });
}

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
  tsneScale = 1,
): tf.Scalar {
  if (kind === 'tsne') return tsneLoss(z, zMate, tsneScale);
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
