// NEXTBEAT_MODE and the HTTP endpoint's settings: defaults, and bad values named with what they take.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

const KEY = 'a1'.repeat(32);

describe('the interactions mode settings', () => {
  it('GIVEN nothing set WHEN parsed THEN gateway mode, and the endpoint would be on 127.0.0.1:8080', () => {
    expect(parseConfig({})).toMatchObject({
      mode: 'gateway',
      httpPort: 8080,
      httpHost: '127.0.0.1',
      publicKey: undefined,
    });
  });

  it('GIVEN http mode with a key, port and host WHEN parsed THEN they are taken, the key lower-cased', () => {
    const config = parseConfig({
      NEXTBEAT_MODE: 'http',
      DISCORD_PUBLIC_KEY: KEY.toUpperCase(),
      NEXTBEAT_HTTP_PORT: '3000',
      NEXTBEAT_HTTP_HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({
      mode: 'http',
      publicKey: KEY,
      httpPort: 3000,
      httpHost: '0.0.0.0',
    });
  });

  it('GIVEN http mode without DISCORD_PUBLIC_KEY WHEN parsed THEN it is named with where to find it', () => {
    expect(() => parseConfig({ NEXTBEAT_MODE: 'http' })).toThrow(
      /DISCORD_PUBLIC_KEY is missing \(NEXTBEAT_MODE=http needs the Public Key from the developer portal's General Information page\)/,
    );
  });

  it('GIVEN bad values WHEN parsed THEN every bad key is named at once', () => {
    expect(() =>
      parseConfig({
        NEXTBEAT_MODE: 'webhook',
        DISCORD_PUBLIC_KEY: 'not-a-key',
        NEXTBEAT_HTTP_PORT: '99999',
      }),
    ).toThrow(
      /NEXTBEAT_MODE must be one of gateway, http \(got "webhook"\)[^]*DISCORD_PUBLIC_KEY must be 64 hexadecimal characters \(got 9 characters\)[^]*NEXTBEAT_HTTP_PORT must be a port from 0 to 65535, or empty for 8080 \(got "99999"\)/,
    );
  });
});
