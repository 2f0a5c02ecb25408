// Custom ids of /forget-me's confirmation buttons: the answer, whose data it is, and when it was
// asked (seconds, base 36), so a confirmation only ever deletes its presser's data, and only soon.
import { decodeCustomId, encodeCustomId, ExpiredComponentError } from './customIds.ts';

export const FORGET_PREFIX = 'forget';
/** A confirmation older than this asks again. */
export const FORGET_CONFIRM_SECONDS = 15 * 60;

export interface ForgetAnswer {
  confirmed: boolean;
  userId: string;
  askedAt: number;
}

/** The custom id of the "Delete everything" (confirmed) or "Keep" button. */
export function encodeForgetAnswer({ confirmed, userId, askedAt }: ForgetAnswer): string {
  return encodeCustomId(FORGET_PREFIX, [
    confirmed ? 'yes' : 'no',
    userId,
    Math.floor(askedAt / 1000).toString(36),
  ]);
}

/** Reads a confirmation button's id; ExpiredComponentError for anything else. */
export function decodeForgetAnswer(id: string): ForgetAnswer {
  const [answer, userId = '', seconds = ''] = decodeCustomId(FORGET_PREFIX, id, 3);
  const askedAt = parseInt(seconds, 36) * 1000;
  if (
    (answer !== 'yes' && answer !== 'no') ||
    !/^\d{1,20}$/.test(userId) ||
    !/^[0-9a-z]{1,9}$/.test(seconds)
  ) {
    throw new ExpiredComponentError();
  }
  return { confirmed: answer === 'yes', userId, askedAt };
}
