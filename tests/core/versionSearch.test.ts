// Titles compared without release suffixes: the version people mean comes first, the others stay listed.
import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { resolveTrack } from '../../src/core/queries/resolveTrack.ts';
import { searchTitles } from '../../src/core/queries/titleSearch.ts';
import type { Track } from '../../src/data/track.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

function catalogOf(tracks: Partial<Track>[]): TrackCatalog {
  const full = tracks.map((t, i) => makeTrack({ id: `v${i}`, ...t }));
  return new TrackCatalog(sourceFromTracks([...full, ...makeSyntheticTracks(300, 5)]));
}

const catalog = catalogOf([
  { title: 'Bohemian Rhapsody', artists: ['Hayseed Dixie'], popularity: 22 },
  { title: 'Bohemian Rhapsody - Remastered 2011', artists: ['Queen'], popularity: 82 },
  { title: 'Bohemian Rhapsody - Live Aid', artists: ['Queen'], popularity: 60 },
  { title: 'Uptown Funk', artists: ['Mini Pop Kids'], popularity: 10 },
  {
    title: 'Uptown Funk (feat. Bruno Mars)',
    artists: ['Mark Ronson', 'Bruno Mars'],
    popularity: 83,
  },
  { title: 'Hallelujah', artists: ['Jeff Buckley'], popularity: 80 },
  { title: 'Hallelujah - Remastered', artists: ['Leonard Cohen'], popularity: 70 },
  { title: 'Cheap Thrills', artists: ['Sia'], popularity: 78 },
  { title: 'Cheap Thrills (feat. Sean Paul)', artists: ['Sia', 'Sean Paul'], popularity: 40 },
  { title: 'Sweet Dreams', artists: ['Alan Walker'], popularity: 75 },
  {
    title: 'Sweet Dreams (Are Made of This) - Remastered',
    artists: ['Eurythmics'],
    popularity: 82,
  },
  { title: 'Wild Live Night', artists: ['Band'], popularity: 40 },
  { title: 'Yesterday - Live', artists: ['The Beatles'], popularity: 90 },
]);
const labels = (query: string): string[] => searchTitles(catalog, query).map((r) => r.label);
const resolved = (query: string): string => {
  const { track } = resolveTrack(catalog, query);
  return `${track.title} - ${track.artists[0]}`;
};

describe('the version people mean', () => {
  it('GIVEN a bare cover and a popular release with a suffix WHEN the title is typed THEN the popular release is chosen', () => {
    expect(resolved('Bohemian Rhapsody')).toBe('Bohemian Rhapsody - Remastered 2011 - Queen');
    expect(resolved('Uptown Funk')).toBe('Uptown Funk (feat. Bruno Mars) - Mark Ronson');
    expect(resolveTrack(catalog, 'Bohemian Rhapsody').match).toBe('exact');
  });

  it('GIVEN case, accents and punctuation differences WHEN typed THEN the same version is chosen', () => {
    expect(resolved('BOHÉMIAN rhapsody!')).toBe('Bohemian Rhapsody - Remastered 2011 - Queen');
    expect(resolved('uptown  funk')).toBe('Uptown Funk (feat. Bruno Mars) - Mark Ronson');
  });

  it('GIVEN a cover more popular than the original WHEN the title is typed THEN the cover is chosen', () => {
    expect(resolved('Hallelujah')).toBe('Hallelujah - Jeff Buckley');
  });

  it('GIVEN other versions WHEN the title is typed THEN they are listed with their full titles and offered as "did you mean"', () => {
    expect(labels('bohemian rhapsody').slice(0, 3)).toEqual([
      'Bohemian Rhapsody - Remastered 2011 - Queen',
      'Bohemian Rhapsody - Live Aid - Queen',
      'Bohemian Rhapsody - Hayseed Dixie',
    ]);
    const alternatives = resolveTrack(catalog, 'Bohemian Rhapsody').alternatives.map(
      (a) => a.label,
    );
    expect(alternatives.slice(0, 2)).toEqual([
      'Bohemian Rhapsody - Live Aid - Queen',
      'Bohemian Rhapsody - Hayseed Dixie',
    ]);
  });

  it('GIVEN a version typed with its suffix WHEN resolved THEN that version is chosen', () => {
    expect(resolved('Bohemian Rhapsody - Live Aid')).toBe('Bohemian Rhapsody - Live Aid - Queen');
  });

  it('GIVEN a title typed with a credit its most popular release lacks WHEN resolved THEN that song is found', () => {
    // "Cheap Thrills (feat. Sean Paul)" is a release of Sia's song, which the index holds by its most popular release.
    expect(resolved('Cheap Thrills (feat. Sean Paul)')).toBe('Cheap Thrills - Sia');
  });

  it('GIVEN a bracketed subtitle WHEN the title is typed without it THEN the most popular song still wins', () => {
    expect(resolved('Sweet Dreams')).toBe(
      'Sweet Dreams (Are Made of This) - Remastered - Eurythmics',
    );
    expect(resolved('Sweet Dreams (Are Made of This)')).toBe(
      'Sweet Dreams (Are Made of This) - Remastered - Eurythmics',
    );
    expect(labels('sweet dreams')).toContain('Sweet Dreams - Alan Walker');
  });

  it('GIVEN a word found only in a release suffix WHEN searched THEN titles holding it come first', () => {
    const results = searchTitles(catalog, 'live');
    const wild = results.findIndex((r) => r.label === 'Wild Live Night - Band');
    const yesterday = results.findIndex((r) => r.label === 'Yesterday - Live - The Beatles');
    expect(wild).toBeGreaterThanOrEqual(0);
    expect(yesterday).toBeGreaterThan(wild);
    expect(results[yesterday]?.match).toBe('artist');
  });

  it('GIVEN 40 versions of one title WHEN searched THEN 25 choices at most, most popular first, labels 1-100 chars', () => {
    const many = catalogOf(
      Array.from({ length: 40 }, (_, k) => ({
        title: k % 2 === 0 ? 'Hey Jude' : `Hey Jude - Remastered ${1980 + k}`,
        artists: [`Artist ${k} ${'x'.repeat(k * 3)}`],
        popularity: k,
      })),
    );
    const results = searchTitles(many, 'hey jude');
    expect(results).toHaveLength(25);
    expect(results.every((r) => r.match === 'exact')).toBe(true);
    const popularity = results.map((r) => many.popularity[r.index] as number);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
    expect(popularity[0]).toBe(39);
    for (const r of results) expect(r.label.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect(r.label.length).toBeLessThanOrEqual(100);
  });
});
