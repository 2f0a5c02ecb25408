import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

describe('the run store settings', () => {
  it('GIVEN nothing set WHEN parsed THEN there is no run store, so one process serves as before', () => {
    expect(parseConfig({})).toMatchObject({
      runStore: undefined,
      runStorePollMs: 1000,
      retrainLockStaleSeconds: 60,
    });
  });

  it('GIVEN a store, a poll interval, a stale time and a name WHEN parsed THEN they are taken', () => {
    const config = parseConfig({
      NEXTBEAT_RUN_STORE: '/mnt/runs',
      NEXTBEAT_RUN_STORE_POLL_MS: '2000',
      NEXTBEAT_RETRAIN_LOCK_STALE_SECONDS: '120',
      NEXTBEAT_REPLICA_NAME: 'web-2',
    });
    expect(config).toMatchObject({
      runStore: '/mnt/runs',
      runStorePollMs: 2000,
      retrainLockStaleSeconds: 120,
      replicaName: 'web-2',
    });
  });

  it('GIVEN a poll interval and a stale time that are not positive numbers WHEN parsed THEN both keys are named', () => {
    expect(() =>
      parseConfig({
        NEXTBEAT_RUN_STORE_POLL_MS: 'often',
        NEXTBEAT_RETRAIN_LOCK_STALE_SECONDS: '0',
      }),
    ).toThrow(
      /NEXTBEAT_RUN_STORE_POLL_MS must be a positive number \(got "often"\)[^]*NEXTBEAT_RETRAIN_LOCK_STALE_SECONDS must be a positive number \(got "0"\)/,
    );
  });
});
