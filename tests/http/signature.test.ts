// The Ed25519 check on its own: what passes and why each refusal is refused.
import { describe, expect, it } from 'vitest';
import { createSignatureVerifier, publicKeyFromHex } from '../../src/http/signature.ts';
import { InteractionSigner } from '../fakeDiscord/outgoingWebhook.ts';

const signer = new InteractionSigner();
const NOW = 1_800_000_000;
const verify = createSignatureVerifier(signer.publicKeyHex, () => NOW * 1000);
const body = Buffer.from('{"type":1,"id":"1"}');

function signed(timestamp = NOW, signedBody: Buffer = body) {
  const headers = signer.sign(signedBody, timestamp);
  return {
    signature: headers['x-signature-ed25519'],
    timestamp: headers['x-signature-timestamp'],
  };
}

describe('verifying a request signature', () => {
  it('GIVEN a body signed now with the application key WHEN verified THEN ok', () => {
    expect(verify({ ...signed(), body })).toEqual({ ok: true });
  });

  it('GIVEN a timestamp within 5 minutes either way WHEN verified THEN ok; past 5 minutes THEN stale', () => {
    expect(verify({ ...signed(NOW - 299), body })).toEqual({ ok: true });
    expect(verify({ ...signed(NOW + 299), body })).toEqual({ ok: true });
    expect(verify({ ...signed(NOW - 301), body })).toEqual({ ok: false, reason: 'stale' });
    expect(verify({ ...signed(NOW + 301), body })).toEqual({ ok: false, reason: 'stale' });
  });

  it('GIVEN a header missing WHEN verified THEN missing', () => {
    const { signature, timestamp } = signed();
    expect(verify({ signature, timestamp: undefined, body }).ok).toBe(false);
    expect(verify({ signature: undefined, timestamp, body })).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  it('GIVEN a signature that is not 128 hex digits, or a timestamp that is not seconds WHEN verified THEN malformed', () => {
    const { signature, timestamp } = signed();
    expect(verify({ signature: signature.slice(1), timestamp, body }).ok).toBe(false);
    expect(verify({ signature: `${signature.slice(2)}zz`, timestamp, body })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verify({ signature, timestamp: '1.8e9', body })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('GIVEN one byte of the body changed, or another key WHEN verified THEN mismatch', () => {
    const altered = Buffer.from(body);
    altered[2] = 'T'.charCodeAt(0);
    expect(verify({ ...signed(), body: altered })).toEqual({ ok: false, reason: 'mismatch' });
    const other = new InteractionSigner().sign(body, NOW);
    expect(
      verify({
        signature: other['x-signature-ed25519'],
        timestamp: other['x-signature-timestamp'],
        body,
      }),
    ).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('GIVEN a key that is not 32 bytes WHEN made into a key THEN a RangeError', () => {
    expect(() => publicKeyFromHex('abcd')).toThrow(RangeError);
  });
});
