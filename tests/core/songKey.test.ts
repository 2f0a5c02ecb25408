import { describe, expect, it } from 'vitest';
import { compactText, normalizeText } from '../../src/core/titles/normalizeText.ts';
import { songKeyOf, stripReleaseSuffixes } from '../../src/core/titles/songKey.ts';

describe('normalizeText', () => {
  it('GIVEN accents, case and punctuation WHEN normalised THEN they are folded away', () => {
    expect(normalizeText('Beyoncé')).toBe('beyonce');
    expect(normalizeText("Don't Stop Me Now!")).toBe('dont stop me now');
    expect(normalizeText('  Señorita (feat. X)  ')).toBe('senorita feat x');
    expect(normalizeText('夜に駆ける')).toBe('夜に駆ける');
    expect(compactText('K-Pop')).toBe('kpop');
  });
});

describe('songKeyOf', () => {
  it('GIVEN remaster, feat. and radio-edit suffixes WHEN keyed THEN they are the same song', () => {
    const key = songKeyOf('Yesterday', 'The Beatles');
    expect(songKeyOf('Yesterday - Remastered 2009', 'The Beatles')).toBe(key);
    expect(songKeyOf('Yesterday - 2009 Remaster', 'the beatles')).toBe(key);
    expect(songKeyOf('Yesterday (feat. Someone)', 'The Beatles')).toBe(key);
    expect(songKeyOf('Yesterday - Radio Edit', 'The Beatles')).toBe(key);
    expect(songKeyOf('Yesterday [Remastered] - Mono', 'The Beatles')).toBe(key);
  });

  it('GIVEN live, remix or acoustic versions or another artist WHEN keyed THEN they stay distinct', () => {
    const key = songKeyOf('Yesterday', 'The Beatles');
    expect(songKeyOf('Yesterday - Live', 'The Beatles')).not.toBe(key);
    expect(songKeyOf('Yesterday - Acoustic', 'The Beatles')).not.toBe(key);
    expect(songKeyOf('Yesterday (Remix)', 'The Beatles')).not.toBe(key);
    expect(songKeyOf('Yesterday', 'Boyz II Men')).not.toBe(key);
  });

  it('GIVEN a title that is only a suffix WHEN stripped THEN the title is kept', () => {
    expect(stripReleaseSuffixes('(Remastered)')).toBe('(Remastered)');
    expect(stripReleaseSuffixes('Song - Part 2')).toBe('Song - Part 2');
  });
});
