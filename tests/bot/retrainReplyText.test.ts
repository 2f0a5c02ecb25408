import { describe, expect, it } from 'vitest';
import { fitReply, shownFileName } from '../../src/bot/retrain/replyText.ts';

describe('fitReply', () => {
  it('GIVEN text within the limit WHEN fitted THEN it is unchanged', () => {
    const text = 'Retraining failed: no\nThe previous model keeps serving.';
    expect(fitReply(text, 2000)).toBe(text);
  });

  it('GIVEN a long first line WHEN fitted THEN the first line is cut and the last line kept whole', () => {
    const text = `Retraining failed: ${'x'.repeat(3000)}\nThe previous model (\`r1\`) keeps serving.`;
    const fitted = fitReply(text, 2000);
    expect(fitted.length).toBe(2000);
    expect(fitted.startsWith('Retraining failed: xxx')).toBe(true);
    expect(fitted.endsWith('x…\nThe previous model (`r1`) keeps serving.')).toBe(true);
  });

  it('GIVEN many middle lines WHEN fitted THEN the first and last lines survive and the middle is cut', () => {
    const middle = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    const fitted = fitReply(`first line\n${middle}\nlast line`, 200);
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted.startsWith('first line\nline 0\n')).toBe(true);
    expect(fitted.endsWith('…\nlast line')).toBe(true);
    expect(fitted).not.toContain('line 499');
  });

  it('GIVEN a huge last line WHEN fitted THEN it takes at most half and the first line still shows', () => {
    const fitted = fitReply(`first\n${'y'.repeat(5000)}`, 100);
    expect(fitted.length).toBeLessThanOrEqual(100);
    expect(fitted.startsWith('first\n')).toBe(true);
    expect(fitted).toMatch(/y…$/);
  });

  it('GIVEN one long line WHEN fitted THEN it is cut with a mark', () => {
    expect(fitReply('z'.repeat(50), 10)).toBe(`${'z'.repeat(9)}…`);
  });

  it('GIVEN an emoji across the cut WHEN fitted THEN no half surrogate pair is left', () => {
    const fitted = fitReply(`${'a'.repeat(8)}🎵🎵🎵\nend`, 14);
    expect(fitted).toBe(`${'a'.repeat(8)}…\nend`);
    expect(fitted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('shownFileName', () => {
  it('GIVEN a plain name WHEN shown THEN it is unchanged', () => {
    expect(shownFileName('tracks 2024.csv')).toBe('tracks 2024.csv');
  });

  it('GIVEN markdown and a mention WHEN shown THEN markdown is escaped and the mention cannot ping', () => {
    expect(shownFileName('@everyone **big**_x_.csv')).toBe(
      '@\u200beveryone \\*\\*big\\*\\*\\_x\\_.csv',
    );
  });

  it('GIVEN newlines, a bidi override, zero-width and control characters WHEN shown THEN one clean line', () => {
    expect(shownFileName('a\nb\u202e\u200b\u0007c\t.csv')).toBe('a bc .csv');
  });

  it('GIVEN double quotes WHEN shown THEN they cannot close the quotes a reply puts around it', () => {
    expect(shownFileName('say "hi".csv')).toBe("say 'hi'.csv");
  });

  it('GIVEN a 300-character name WHEN shown THEN at most 80 characters, ending in a cut mark', () => {
    const shown = shownFileName(`${'é'.repeat(300)}.csv`);
    expect([...shown]).toHaveLength(80);
    expect(shown.endsWith('é…')).toBe(true);
  });

  it.each([undefined, 42, '', ' \u200b\n'])(
    'GIVEN %j as a name WHEN shown THEN "unnamed file"',
    (name) => {
      expect(shownFileName(name)).toBe('unnamed file');
    },
  );
});
