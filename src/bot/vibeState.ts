// The /similar-vibe sliders, and their values packed into a custom id ("e90d80t128") so the
// nudge buttons work after a restart.
import type { AudioFeature } from '../data/track.ts';
import type { FeatureLimits, FeatureTargets, PopularityMode } from '../core/queries/index.ts';
import { POPULARITY_MODES } from '../core/queries/index.ts';
import { decodeCustomId, encodeCustomId, ExpiredComponentError, intField } from './customIds.ts';

export interface Slider {
  feature: AudioFeature;
  /** One letter in custom ids. */
  code: string;
  min: number;
  max: number;
  /** How far a nudge button moves it. */
  step: number;
  /** Stored as round(value * scale). */
  scale: number;
  description: string;
}

const unit = (feature: AudioFeature, code: string, description: string): Slider => ({
  feature,
  code,
  min: 0,
  max: 1,
  step: 0.1,
  scale: 100,
  description,
});

export const SLIDERS: readonly Slider[] = [
  unit('energy', 'e', 'Energy, 0 (calm) to 1 (intense)'),
  unit('danceability', 'd', 'Danceability, 0 to 1'),
  unit('valence', 'v', 'Mood, 0 (sad, angry) to 1 (happy, cheerful)'),
  unit('acousticness', 'a', 'Acoustic, 0 (electronic) to 1 (acoustic)'),
  unit('instrumentalness', 'i', 'Instrumental, 0 (vocals) to 1 (no vocals)'),
  unit('speechiness', 's', 'Spoken words, 0 (music) to 1 (talk)'),
  unit('liveness', 'l', 'Live audience, 0 (studio) to 1 (live)'),
  {
    feature: 'tempo',
    code: 't',
    min: 40,
    max: 220,
    step: 10,
    scale: 1,
    description: 'Tempo in BPM, 40 to 220',
  },
  {
    feature: 'loudness',
    code: 'o',
    min: -60,
    max: 0,
    step: 3,
    scale: 1,
    description: 'Loudness in dB, -60 to 0',
  },
];

export interface VibeState {
  targets: FeatureTargets;
  count: number;
  genre: string;
  popularity: PopularityMode;
  /** Hard limits (the `limits` option): too long for a custom id, so kept in the list's chain. */
  limits?: FeatureLimits;
}

const NUDGE = 'nudge';
export const NUDGE_PREFIX = NUDGE;
/** Nudges of a vibe with limits: "tune:1:<chain id>:t+", the rest of the state in the chain. */
export const CHAIN_NUDGE_PREFIX = 'tune';

/** Custom id of the button that moves `slider` by `direction` steps. */
export function encodeNudge(state: VibeState, slider: Slider, direction: 1 | -1): string {
  return encodeCustomId(NUDGE, [
    `${slider.code}${direction > 0 ? '+' : '-'}`,
    // mode * 16 + count: one field, so ids made before popularity modes still read.
    POPULARITY_MODES.indexOf(state.popularity) * 16 + state.count,
    state.genre.replaceAll(':', ' '),
    packTargets(state.targets),
  ]);
}

/** Reads a nudge button's custom id: the state after applying its nudge. */
export function decodeNudge(id: string): VibeState {
  const [move = '', count, genre = '', packed = ''] = decodeCustomId(NUDGE, id, 4);
  const targets = applyNudge(unpackTargets(packed), move);
  const packedCount = intField(count, 1, 16 * POPULARITY_MODES.length - 1);
  if (packedCount % 16 < 1 || packedCount % 16 > 10) throw new ExpiredComponentError();
  const popularity = POPULARITY_MODES[packedCount >> 4] as PopularityMode;
  return { targets, count: packedCount % 16, genre, popularity };
}

/** Custom id of a nudge of a vibe whose state is stored in chain `chainId`. */
export function encodeChainNudge(chainId: string, slider: Slider, direction: 1 | -1): string {
  return encodeCustomId(CHAIN_NUDGE_PREFIX, [
    chainId,
    `${slider.code}${direction > 0 ? '+' : '-'}`,
  ]);
}

/** The chain id and move ("t+") of a chain nudge's custom id. */
export function decodeChainNudge(id: string): { chainId: string; move: string } {
  const [chainId = '', move = ''] = decodeCustomId(CHAIN_NUDGE_PREFIX, id, 2);
  return { chainId, move };
}

/** These targets with one slider moved ("t+": tempo up a step), within its range. */
export function applyNudge(targets: FeatureTargets, move: string): FeatureTargets {
  const slider = SLIDERS.find((s) => s.code === move[0]);
  const current = slider ? targets[slider.feature] : undefined;
  if (!slider || current === undefined || move.length !== 2 || (move[1] !== '+' && move[1] !== '-'))
    throw new ExpiredComponentError();
  const moved = current + (move[1] === '+' ? slider.step : -slider.step);
  return {
    ...targets,
    [slider.feature]: roundTo(Math.min(slider.max, Math.max(slider.min, moved)), slider.scale),
  };
}

function packTargets(targets: FeatureTargets): string {
  return SLIDERS.filter((s) => targets[s.feature] !== undefined)
    .map((s) => `${s.code}${Math.round((targets[s.feature] as number) * s.scale)}`)
    .join('');
}

function unpackTargets(packed: string): FeatureTargets {
  const targets: FeatureTargets = {};
  for (const [, code, digits] of packed.matchAll(/([a-z])(-?\d+)/g)) {
    const slider = SLIDERS.find((s) => s.code === code);
    if (!slider) throw new ExpiredComponentError();
    const value = Number(digits) / slider.scale;
    if (value < slider.min || value > slider.max) throw new ExpiredComponentError();
    targets[slider.feature] = value;
  }
  if (Object.keys(targets).length === 0) throw new ExpiredComponentError();
  return targets;
}

function roundTo(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}
