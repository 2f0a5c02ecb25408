// Model factory: a dense autoencoder whose encoder and decoder are separate models sharing its layers.
import * as tf from '@tensorflow/tfjs';

export interface AutoencoderOptions {
  inputDim: number;
  hidden?: number;
  latentDim?: number;
  /** Bottleneck activation: 'linear' (default); 'relu' reproduces the seed's recipe, for comparison. */
  latentActivation?: 'linear' | 'relu';
  /** Seeds the weight initialisers: the same seed gives the same starting weights. */
  seed: number;
}

export interface AutoencoderModels {
  /** inputDim -> inputDim, the model that is trained. */
  autoencoder: tf.LayersModel;
  /** inputDim -> latentDim, usable and savable alone. */
  encoder: tf.LayersModel;
  /** latentDim -> inputDim. */
  decoder: tf.LayersModel;
}

/** Builds inputDim -> hidden (relu) -> latent (linear by default) -> hidden (relu) -> inputDim (sigmoid). */
export function createAutoencoder({
  inputDim,
  hidden = 8,
  latentDim = 3,
  latentActivation = 'linear',
  seed,
}: AutoencoderOptions): AutoencoderModels {
  const dense = (
    units: number,
    activation: 'relu' | 'linear' | 'sigmoid',
    name: string,
    i: number,
  ) =>
    tf.layers.dense({
      units,
      activation,
      name,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
      biasInitializer: 'zeros',
    });
  const encoderLayers = [
    dense(hidden, 'relu', 'encoder_hidden', 0),
    dense(latentDim, latentActivation, 'latent', 1),
  ];
  const decoderLayers = [
    dense(hidden, 'relu', 'decoder_hidden', 2),
    dense(inputDim, 'sigmoid', 'reconstruction', 3),
  ];

  const encoder = chain('encoder', inputDim, encoderLayers);
  const decoder = chain('decoder', latentDim, decoderLayers);
  const autoencoder = chain('autoencoder', inputDim, [...encoderLayers, ...decoderLayers]);
  return { autoencoder, encoder, decoder };
}

function chain(name: string, inputDim: number, layers: tf.layers.Layer[]): tf.LayersModel {
  const input = tf.input({ shape: [inputDim], name: `${name}_input` });
  let output = input;
  for (const layer of layers) output = layer.apply(output) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name });
}
