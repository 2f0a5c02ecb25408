// core/latent: the 3-D DNA outside TensorFlow: the encoder as plain matrix products, and the
// genre-family sample the latent map draws.
export * from './genreFamilies.ts';
export * from './latentEncoder.ts';
export * from './latentSample.ts';
