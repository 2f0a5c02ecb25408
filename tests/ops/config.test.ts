import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

describe('the operations settings', () => {
  it('GIVEN nothing set WHEN parsed THEN shards are auto and there is no health server, on loopback if there were', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      shards: 'auto',
      healthPort: undefined,
      healthHost: '127.0.0.1',
    });
  });

  it('GIVEN a shard count, a port and a host WHEN parsed THEN they are taken', () => {
    const config = parseConfig({
      NEXTBEAT_SHARDS: '4',
      NEXTBEAT_HEALTH_PORT: '9464',
      NEXTBEAT_HEALTH_HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({ shards: 4, healthPort: 9464, healthHost: '0.0.0.0' });
    expect(parseConfig({ NEXTBEAT_HEALTH_PORT: '0' }).healthPort).toBe(0);
  });

  it('GIVEN bad values WHEN parsed THEN each key is named with what it takes', () => {
    expect(() => parseConfig({ NEXTBEAT_SHARDS: 'many', NEXTBEAT_HEALTH_PORT: '70000' })).toThrow(
      /NEXTBEAT_SHARDS must be auto or a whole number of shards from 1 \(got "many"\)[^]*NEXTBEAT_HEALTH_PORT must be a port from 0 to 65535, or empty for none \(got "70000"\)/,
    );
    for (const shards of ['0', '1.5', '-2'])
      expect(() => parseConfig({ NEXTBEAT_SHARDS: shards })).toThrow(/NEXTBEAT_SHARDS/);
    expect(() => parseConfig({ NEXTBEAT_HEALTH_PORT: 'http' })).toThrow(/NEXTBEAT_HEALTH_PORT/);
  });
});
