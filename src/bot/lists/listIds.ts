// Custom ids of the buttons and menus on list replies: a handler prefix and the chain id
// ("next:1:Ab3_x9Qz"), far under Discord's 100 characters whatever the list holds.
import { CHAIN_ID_PATTERN } from '../../db/listChains.ts';
import { decodeCustomId, encodeCustomId, ExpiredComponentError } from '../customIds.ts';
import type { Rating } from '../../db/listenerRatings.ts';

export const LIST_PREFIXES = {
  /** "More like this": the chain's next page, in place. */
  next: 'next',
  /** "Recommend from one of these": a new chain from the picked song. */
  from: 'from',
  /** "Send me a playlist": the chain's tracks as a private message. */
  take: 'take',
  /** "Rate these": likes and dislikes. */
  rate: 'rate',
} as const;

export type ListPrefix = (typeof LIST_PREFIXES)[keyof typeof LIST_PREFIXES];

/** The custom id of a list component for this chain. */
export function listCustomId(prefix: ListPrefix, chainId: string): string {
  return encodeCustomId(prefix, [chainId]);
}

/** The chain id in a list component's custom id; ExpiredComponentError when it is not one. */
export function chainIdOf(prefix: ListPrefix, customId: string): string {
  const [chainId = ''] = decodeCustomId(prefix, customId, 1);
  if (!CHAIN_ID_PATTERN.test(chainId)) throw new ExpiredComponentError();
  return chainId;
}

const RATING_VALUE = /^([ld]):([A-Za-z0-9]{1,40})$/;

/** A "Rate these" option's value: l:<track id> or d:<track id>. */
export function ratingValue(rating: Rating, trackId: string): string {
  return `${rating === 'like' ? 'l' : 'd'}:${trackId}`;
}

/** Reads an option value back; ExpiredComponentError for anything else. */
export function parseRatingValue(value: string): { rating: Rating; trackId: string } {
  const match = RATING_VALUE.exec(value);
  if (!match) throw new ExpiredComponentError();
  return { rating: match[1] === 'l' ? 'like' : 'dislike', trackId: match[2] as string };
}
