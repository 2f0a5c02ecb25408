import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { TrackNotFoundError } from '../../src/core/errors.ts';
import { resolveTrack } from '../../src/core/queries/resolveTrack.ts';
import { searchTitles } from '../../src/core/queries/titleSearch.ts';
import { formatTrackLabel } from '../../src/core/queries/trackLabel.ts';
import type { Track } from '../../src/data/track.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

function catalogOf(tracks: Partial<Track>[]): TrackCatalog {
  const full = tracks.map((t, i) => makeTrack({ id: `id${i}`, ...t }));
  return new TrackCatalog(sourceFromTracks([...full, ...makeSyntheticTracks(500, 3)]));
}

const catalog = catalogOf([
  { title: 'Shape of You', artists: ['Ed Sheeran'], popularity: 85 },
  { title: 'Shape of You - Remastered 2017', artists: ['Ed Sheeran'], popularity: 40 },
  { title: 'Shape of You', artists: ['Cover Band'], popularity: 20 },
  { title: 'Shapes', artists: ['X'], popularity: 99 },
  { title: 'The Shape of Things', artists: ['Y'], popularity: 95 },
  { title: 'Reshaped', artists: ['Z'], popularity: 97 },
  { title: "Don't Stop Me Now - Remastered 2011", artists: ['Queen'], popularity: 80 },
  { title: 'Halo', artists: ['Beyoncé'], popularity: 75 },
]);
const titles = (query: string): string[] => searchTitles(catalog, query).map((r) => r.label);

describe('searchTitles', () => {
  it('GIVEN a title prefix WHEN searched THEN exact, prefix, word and substring matches come in that order', () => {
    expect(titles('shape').slice(0, 3)).toEqual([
      'Shapes - X',
      'Shape of You - Ed Sheeran',
      'Shape of You - Cover Band',
    ]);
    expect(titles('shape')).toContain('The Shape of Things - Y');
    expect(titles('shape').indexOf('The Shape of Things - Y')).toBeLessThan(
      titles('shape').indexOf('Reshaped - Z'),
    );
    expect(titles('shape of you')[0]).toBe('Shape of You - Ed Sheeran');
  });

  it('GIVEN several releases of one song WHEN searched THEN only its most popular release is shown', () => {
    const labels = titles('shape of you');
    expect(labels.filter((l) => l.endsWith('Ed Sheeran'))).toEqual(['Shape of You - Ed Sheeran']);
  });

  it('GIVEN accents, punctuation and case differences WHEN searched THEN the song is found', () => {
    expect(titles('beyonce')).toEqual(['Halo - Beyoncé']);
    expect(titles('dont stop me now')[0]).toBe("Don't Stop Me Now - Remastered 2011 - Queen");
    expect(titles('HALO!')[0]).toBe('Halo - Beyoncé');
  });

  it('GIVEN typos WHEN searched THEN the fuzzy match is found', () => {
    const results = searchTitles(catalog, 'shap of yuo');
    expect(results[0]?.label).toBe('Shape of You - Ed Sheeran');
    expect(results[0]?.match).toBe('fuzzy');
  });

  it('GIVEN the artist after the title WHEN searched THEN that artist’s song comes first', () => {
    expect(titles('shape of you cover band')[0]).toBe('Shape of You - Cover Band');
  });

  it('GIVEN a broad query WHEN searched THEN at most 25 choices, all within Discord limits, values are ids', () => {
    const results = searchTitles(catalog, 'e');
    expect(results.length).toBeLessThanOrEqual(25);
    expect(searchTitles(catalog, '', 50)).toHaveLength(25);
    for (const r of results) {
      expect(r.label.length).toBeGreaterThanOrEqual(1);
      expect(r.label.length).toBeLessThanOrEqual(100);
      expect(catalog.tracks[r.index]?.id).toBe(r.value);
    }
  });
});

describe('formatTrackLabel', () => {
  it('GIVEN a very long title WHEN labelled THEN the title is cut with … and the artist kept', () => {
    const label = formatTrackLabel(
      makeTrack({ title: 'Long '.repeat(40).trim(), artists: ['Artist', 'Other'] }),
    );
    expect(label.length).toBeLessThanOrEqual(100);
    expect(label).toMatch(/^Long( Long)*… - Artist$/);
  });
});

describe('resolveTrack', () => {
  it('GIVEN a track id or a Spotify link WHEN resolved THEN that exact track is returned', () => {
    expect(resolveTrack(catalog, 'id1').track.title).toBe('Shape of You - Remastered 2017');
    expect(resolveTrack(catalog, 'https://open.spotify.com/track/id2?si=abc').index).toBe(2);
  });

  it('GIVEN free text WHEN resolved THEN the best match comes with runners-up', () => {
    const resolved = resolveTrack(catalog, 'shape');
    expect(resolved.track.title).toBe('Shapes');
    expect(resolved.alternatives.length).toBeGreaterThan(0);
    expect(resolved.alternatives.length).toBeLessThanOrEqual(5);
  });

  it('GIVEN text matching nothing WHEN resolved THEN TrackNotFoundError carries suggestions', () => {
    try {
      resolveTrack(catalog, 'shapexqzv ofxqz');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TrackNotFoundError);
      expect((error as TrackNotFoundError).suggestions.length).toBeGreaterThan(0);
      expect((error as TrackNotFoundError).message).toContain('Did you mean');
    }
  });
});
