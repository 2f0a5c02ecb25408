// Checks that a request really comes from Discord: an Ed25519 signature over the timestamp header
// followed by the raw body, with the application's public key, and a timestamp that is recent (a
// request recorded and sent again later is refused). Discord also sends bad signatures on purpose
// to check that they are refused.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Signed requests older (or further in the future) than this are refused as replays. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

// DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 raw key bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Returns the check for one application's public key (64 hex characters). */
export function createSignatureVerifier(
  publicKeyHex: string,
  now: () => number = Date.now,
): (request: SignedRequest) => SignatureCheck {
  const key = publicKeyFromHex(publicKeyHex);
  return ({ signature, timestamp, body }) => {
    if (!signature || !timestamp) return { ok: false, reason: 'missing' };
    if (!HEX_SIGNATURE.test(signature) || !UNIX_SECONDS.test(timestamp))
      return { ok: false, reason: 'malformed' };
    const age = now() / 1000 - Number(timestamp);
    if (Math.abs(age) > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: 'stale' };
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    const valid = verify(null, signed, key, Buffer.from(signature, 'hex'));
    return valid ? { ok: true } : { ok: false, reason: 'mismatch' };
  };
}

/** The KeyObject for a raw Ed25519 public key given as hex (as the developer portal shows it). */
export function publicKeyFromHex(publicKeyHex: string): KeyObject {
  const raw = Buffer.from(publicKeyHex, 'hex');
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes (64 hex digits)');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}
