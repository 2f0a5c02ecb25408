import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartThread } from '../../src/charts/chartThread.ts';
import { pngSize } from '../helpers/pngHeader.ts';

const run = promisify(execFile);

const radar = {
  kind: 'radar',
  input: {
    title: 'Shape of You vs 5 recommendations',
    series: [{ label: 'Shape of You', values: { energy: 0.6, valence: 0.9 }, emphasis: 'primary' }],
    features: ['energy', 'valence', 'tempo'],
  },
} as const;

describe('chart thread', () => {
  const threads: ChartThread[] = [];
  const thread = (timeoutMs?: number) => {
    const t = new ChartThread(timeoutMs);
    threads.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((t) => t.close()));
  });

  it('GIVEN a radar, a loss chart and a latent map WHEN drawn on the thread THEN each is a PNG of its size', async () => {
    const charts = thread();
    const [a, b, c] = await Promise.all([
      charts.render(radar),
      charts.render({ kind: 'loss', input: { runs: [], width: 300, height: 200 } }),
      charts.render({
        kind: 'latentMap',
        input: {
          codes: new Float32Array([0, 0, 0, 1, 1, 1]),
          dim: 3,
          families: new Uint8Array([0, 1]),
          familyNames: ['rock', 'pop'],
          title: 'two tracks',
          width: 400,
          height: 300,
        },
      }),
    ]);
    expect([a, b, c].map(pngSize)).toEqual([
      { width: 600, height: 440 },
      { width: 300, height: 200 },
      { width: 400, height: 300 },
    ]);
  });

  it('GIVEN a chart that cannot be drawn WHEN asked for THEN the caller gets the reason and the thread keeps drawing', async () => {
    const charts = thread();
    await expect(
      charts.render({ kind: 'loss', input: { runs: [], width: 0, height: 200 } }),
    ).rejects.toThrow(/width must be an integer/);
    expect(pngSize(await charts.render(radar))).toEqual({ width: 600, height: 440 });
  });

  it('GIVEN the thread was stopped WHEN a chart is asked for again THEN a new thread draws it', async () => {
    const charts = thread();
    await charts.render(radar);
    await charts.close();
    expect(pngSize(await charts.render(radar))).toEqual({ width: 600, height: 440 });
  });

  it('GIVEN a chart slower than the time limit WHEN drawn THEN the caller gets a timeout instead of waiting', async () => {
    const charts = thread(1);
    await expect(charts.render(radar)).rejects.toThrow(/longer than 1 ms/);
  });

  it('GIVEN a script that drew a chart WHEN it has nothing left to do THEN the idle thread does not keep it running', async () => {
    const script = [
      "const { chartThread } = await import('./src/charts/chartThread.ts');",
      "const png = await chartThread.render({ kind: 'loss', input: { runs: [] } });",
      "console.log('drew', png.length, 'bytes');",
    ].join('\n');
    // execFile's timeout kills a process the thread would keep alive, which fails the test.
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        timeout: 20_000,
      },
    );
    expect(stdout).toMatch(/drew \d+ bytes/);
  }, 30_000);
});
