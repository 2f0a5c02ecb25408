import { describe, expect, it } from 'vitest';
import { baseTitleOf, shortTitleOf } from '../../src/core/titles/baseTitle.ts';

describe('baseTitleOf', () => {
  it('GIVEN release suffixes in brackets or after " - " WHEN stripped THEN the song title is left', () => {
    const cases: [string, string][] = [
      ['Uptown Funk (feat. Bruno Mars)', 'Uptown Funk'],
      ['Unholy (ft. Kim Petras)', 'Unholy'],
      ['STAY (with Justin Bieber)', 'STAY'],
      ['Bohemian Rhapsody - Remastered 2011', 'Bohemian Rhapsody'],
      ['Jump - 2015 Remaster', 'Jump'],
      ['Bohemian Rhapsody - Live Aid', 'Bohemian Rhapsody'],
      ['Levels - Radio Edit', 'Levels'],
      ['Roses - Imanbek Remix', 'Roses'],
      ['Falling Down - Bonus Track', 'Falling Down'],
      ['Yesterday [Acoustic Version]', 'Yesterday'],
      ['Uptown Funk - From "Alvin And The Chipmunks: The Road Chip" Soundtrack', 'Uptown Funk'],
      ['Tek It - Sped Up', 'Tek It'],
      ['Song (feat. A) [Live] - 2009 Remaster', 'Song'],
      ['Song (From "Film (Original Soundtrack)")', 'Song'],
      ['Song – Re-Recorded', 'Song'],
      ['Song - 1999', 'Song'],
      ['Sinfonía (En Vivo)', 'Sinfonía'],
    ];
    for (const [title, base] of cases) expect(baseTitleOf(title), title).toBe(base);
  });

  it('GIVEN parts that are the title itself WHEN stripped THEN they are kept', () => {
    const kept = [
      'Song - Part 2',
      'White Wedding - Pt. 1',
      'Lady - Hear Me Tonight',
      'Sweet Dreams (Are Made of This)',
      'Live Forever',
      'Intro (Intro)',
      '(Remastered)',
      'Mind Over Matter (Reprise)',
      'Cheap Thrills (feat. Sean',
    ];
    for (const title of kept) expect(baseTitleOf(title), title).toBe(title);
  });
});

describe('shortTitleOf', () => {
  it('GIVEN a bracketed subtitle WHEN shortened THEN it goes too, and a " - " subtitle stays', () => {
    expect(shortTitleOf('Running Up That Hill (A Deal With God) - 2018 Remaster')).toBe(
      'Running Up That Hill',
    );
    expect(shortTitleOf('Sweet Dreams (Are Made of This) - Remastered')).toBe('Sweet Dreams');
    expect(shortTitleOf('Lady - Hear Me Tonight')).toBe('Lady - Hear Me Tonight');
    expect(shortTitleOf('(dream)')).toBe('(dream)');
  });

  it('GIVEN a title or its base title WHEN shortened THEN the short title is the same', () => {
    for (const title of [
      'Running Up That Hill (A Deal With God) - 2018 Remaster',
      'Get Up (Rattle) [feat. Far East Movement] - Vocal Edit',
      'If I Ruled the World (Imagine That) (feat. Lauryn Hill)',
      'Lady - Hear Me Tonight - Radio Edit',
    ]) {
      expect(shortTitleOf(baseTitleOf(title)), title).toBe(shortTitleOf(title));
    }
  });
});
