// Seeded synthetic catalogs shared by the core tests and the timing script.
import { mulberry32 } from '../../src/ml/seededShuffle.ts';
import type { AudioFeature, FeatureValues, Track } from '../../src/data/track.ts';
import { DEFAULT_FEATURES } from '../../src/data/track.ts';
import type { CatalogSource } from '../../src/core/catalog/catalogSource.ts';
import type { DenseLayerWeights } from '../../src/core/latent/latentEncoder.ts';
import { encodeLatent } from '../../src/core/latent/latentEncoder.ts';

/** Deterministic pseudo-random numbers in [0, 1): the seeded generator training uses. */
export const seededRandom = mulberry32;

const WORDS = (
  'love night heart fire dream girl time baby world light rain summer dance city blue gold ' +
  'moon road home wild sky river ocean shadow angel money party lonely forever tonight crazy ' +
  'sweet run fall rise young free ghost dark stars paradise memories diamond thunder electric ' +
  'midnight sunshine whisper echo storm silver paper highway window mirror garden winter kiss'
).split(' ');
const SYLLABLES = 'ka lo mi ra ne to su vi da el an jo be ri co la mo ze ti fa'.split(' ');
const GENRES = [
  'acoustic',
  'pop',
  'rock',
  'k-pop',
  'hip-hop',
  'jazz',
  'edm',
  'r-n-b',
  'metal',
  'folk',
];

/** The training features of every synthetic catalog. */
export const SYNTHETIC_FEATURES: AudioFeature[] = [...DEFAULT_FEATURES];

/** A Track with sensible defaults; features default to mid values. */
export function makeTrack(
  fields: Partial<Omit<Track, 'features'>> & { features?: Partial<FeatureValues> },
): Track {
  const given = fields.features ?? {};
  // An object literal in AUDIO_FEATURES order: one hidden class, like ingested tracks.
  const features: FeatureValues = {
    danceability: given.danceability ?? 0.5,
    energy: given.energy ?? 0.5,
    key: given.key ?? null,
    loudness: given.loudness ?? -10,
    mode: given.mode ?? null,
    speechiness: given.speechiness ?? 0.1,
    acousticness: given.acousticness ?? 0.5,
    instrumentalness: given.instrumentalness ?? 0.1,
    liveness: given.liveness ?? 0.2,
    valence: given.valence ?? 0.5,
    tempo: given.tempo ?? 120,
    duration_ms: given.duration_ms ?? null,
    time_signature: given.time_signature ?? null,
  };
  return {
    id: fields.id ?? 'id',
    title: fields.title ?? 'Untitled',
    artists: fields.artists ?? ['Nobody'],
    album: fields.album ?? '',
    genres: fields.genres ?? [],
    popularity: fields.popularity === undefined ? 50 : fields.popularity,
    explicit: fields.explicit === undefined ? false : fields.explicit,
    year: fields.year ?? null,
    features,
  };
}

/** Scaler ranges of the synthetic runs (raw units), fixed so tests can reason about them. */
const SCALER_RANGE: Record<string, [number, number]> = {
  loudness: [-40, 0],
  tempo: [50, 200],
};

/** A fixed linear 9 -> 3 encoder, so vectors are a faithful projection of the scaled features. */
export function syntheticEncoder(
  inputDim = SYNTHETIC_FEATURES.length,
  seed = 7,
): DenseLayerWeights[] {
  const random = seededRandom(seed);
  const kernel = Array.from({ length: inputDim * 3 }, () => random() * 2 - 1);
  return [{ inputDim, outputDim: 3, kernel, bias: [0, 0, 0], activation: 'linear' }];
}

/** A CatalogSource from tracks: scaler over SYNTHETIC_FEATURES, vectors from the linear encoder unless given. */
export function sourceFromTracks(tracks: Track[], vectors?: Float32Array): CatalogSource {
  const features = SYNTHETIC_FEATURES;
  const min = features.map((f) => SCALER_RANGE[f]?.[0] ?? 0);
  const max = features.map((f) => SCALER_RANGE[f]?.[1] ?? 1);
  const encoder = syntheticEncoder();
  let latent = vectors;
  if (!latent) {
    latent = new Float32Array(tracks.length * 3);
    const input = new Float64Array(features.length);
    tracks.forEach((track, i) => {
      features.forEach((f, k) => {
        const v = track.features[f] ?? 0;
        input[k] = Math.min(
          1,
          Math.max(0, (v - (min[k] as number)) / ((max[k] as number) - (min[k] as number))),
        );
      });
      latent?.set(encodeLatent(encoder, input), i * 3);
    });
  }
  return {
    runId: 'synthetic',
    tracks,
    vectors: latent,
    latentDim: 3,
    features: [...features],
    scaler: { features: [...features], min, max, lowerPercentile: 0, upperPercentile: 1 },
    encoder,
  };
}

const milli = (value: number): number => Math.round(value * 1000) / 1000;

/** A seeded catalog of `size` tracks; about 1 in 10 is another release ("- Remastered") of an earlier song. */
export function makeSyntheticTracks(size: number, seed = 1): Track[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const artistCount = Math.max(1, Math.floor(size / 8));
  const artists = Array.from({ length: artistCount }, (_, a) => {
    const name = `${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(SYLLABLES)}${pick(SYLLABLES)}`;
    return `${name[0]?.toUpperCase()}${name.slice(1)} ${a}`;
  });
  const tracks: Track[] = [];
  for (let i = 0; i < size; i++) {
    const original = i > 10 && random() < 0.1 ? tracks[Math.floor(random() * i)] : undefined;
    const words = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS));
    const title = original
      ? `${original.title} - Remastered ${1990 + (i % 30)}`
      : words.join(' ').replace(/^./, (c) => c.toUpperCase());
    tracks.push(
      makeTrack({
        id: `t${i.toString(36).padStart(8, '0')}`,
        title,
        artists: original ? [...original.artists] : [pick(artists)],
        genres: [pick(GENRES), ...(random() < 0.2 ? [pick(GENRES)] : [])].filter(
          (g, k, all) => all.indexOf(g) === k,
        ),
        popularity: random() < 0.02 ? null : Math.floor(random() * 101),
        explicit: random() < 0.15,
        // Three decimals, as in the Spotify Tracks Dataset (and within a 32-bit float's reach).
        features: {
          danceability: milli(random()),
          energy: milli(random()),
          loudness: milli(-40 * random()),
          speechiness: milli(random() * 0.5),
          acousticness: milli(random()),
          instrumentalness: milli(random() < 0.7 ? random() * 0.1 : random()),
          liveness: milli(random() * 0.8),
          valence: milli(random()),
          tempo: milli(60 + random() * 130),
          duration_ms: 120_000 + Math.floor(random() * 240_000),
          key: Math.floor(random() * 12),
          mode: random() < 0.5 ? 0 : 1,
          time_signature: 4,
        },
      }),
    );
  }
  return tracks;
}

/** `copies` jittered copies of a source (new ids, artists suffixed so each copy is a distinct song). */
export function jitterCopies(source: CatalogSource, copies: number, seed = 2): CatalogSource {
  const random = seededRandom(seed);
  const n = source.tracks.length;
  const tracks: Track[] = [];
  const vectors = new Float32Array(n * copies * source.latentDim);
  for (let c = 0; c < copies; c++) {
    source.tracks.forEach((track, i) => {
      tracks.push(
        c === 0
          ? track
          : { ...track, id: `${track.id}c${c}`, artists: track.artists.map((a) => `${a} ${c}`) },
      );
      for (let d = 0; d < source.latentDim; d++) {
        const v = source.vectors[i * source.latentDim + d] as number;
        vectors[(c * n + i) * source.latentDim + d] = c === 0 ? v : v + (random() - 0.5) * 0.02;
      }
    });
  }
  return { ...source, tracks, vectors };
}
