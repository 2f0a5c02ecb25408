// The fake's side of HTTP interactions: an application key pair (the public half is the
// application's verify_key), signed POSTs to the Interactions Endpoint URL as Discord sends them
// (Ed25519 over timestamp + raw body, hex in X-Signature-Ed25519), and the raw access that tests of
// refused signatures need.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SignatureHeaders {
  'x-signature-ed25519': string;
  'x-signature-timestamp': string;
}

export interface EndpointResponse {
  status: number;
  body: string;
}

export class InteractionSigner {
  /** The application's public key as the developer portal shows it: 64 hex characters. */
  readonly publicKeyHex: string;
  readonly #privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    // The raw 32 key bytes end the DER SubjectPublicKeyInfo.
    this.publicKeyHex = publicKey
      .export({ format: 'der', type: 'spki' })
      .subarray(-32)
      .toString('hex');
    this.#privateKey = privateKey;
  }

  /** The headers Discord sends with `body`, signed at `timestamp` (Unix seconds; default now). */
  sign(body: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): SignatureHeaders {
    const signed = Buffer.concat([Buffer.from(String(timestamp)), Buffer.from(body)]);
    return {
      'x-signature-ed25519': sign(null, signed, this.#privateKey).toString('hex'),
      'x-signature-timestamp': String(timestamp),
    };
  }
}

/** POSTs a body with these headers to the endpoint, as Discord does (JSON, no auth header). */
export async function postToEndpoint(
  url: string,
  body: string | Buffer,
  headers: Partial<SignatureHeaders> & Record<string, string> = {},
): Promise<EndpointResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      ...headers,
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: await response.text() };
}
