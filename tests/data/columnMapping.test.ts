// Parsing `--columns` / the /retrain columns option, and reading ids out of URIs and links.
import { describe, expect, it } from 'vitest';
import { ColumnMappingError, parseColumnMapping } from '../../src/data/columnMapping.ts';
import { derivedTrackId, trackIdFromCell } from '../../src/data/trackIds.ts';

describe('parseColumnMapping', () => {
  it('GIVEN fields, synonyms and features WHEN parsed THEN each maps to its column as written', () => {
    const mapping = parseColumnMapping('title=Song Name, artist=Singer,genre=mood,releaseDate=date,tempo=BPM');

    expect([...mapping]).toEqual([
      ['title', 'Song Name'],
      ['artists', 'Singer'],
      ['genres', 'mood'],
      ['releaseDate', 'date'],
      ['tempo', 'BPM'],
    ]);
  });

  it.each([
    ['singer=artist', /unknown field 'singer'; fields are id, title, artists/],
    ['title', /'title' is not field=column/],
    ['title=', /'title=' names no column after '='/],
    ['title=a,title=b', /title is mapped twice/],
    [' , ', /no field=column pairs given/],
  ])('GIVEN %j WHEN parsed THEN refused: %s', (text, message) => {
    expect(() => parseColumnMapping(text)).toThrow(ColumnMappingError);
    expect(() => parseColumnMapping(text)).toThrow(message);
  });
});

describe('track ids from cells', () => {
  it('GIVEN URIs, links and plain ids WHEN read THEN the track ID is taken; links to other things give null', () => {
    expect(trackIdFromCell('spotify:track:4Nq7c1XyQz8uVb2LmPaT0e')).toBe('4Nq7c1XyQz8uVb2LmPaT0e');
    expect(trackIdFromCell('https://open.spotify.com/track/4Nq7c1XyQz8uVb2LmPaT0e?si=x')).toBe(
      '4Nq7c1XyQz8uVb2LmPaT0e',
    );
    expect(trackIdFromCell('open.spotify.com/intl-fr/track/4Nq7c1XyQz8uVb2LmPaT0e')).toBe(
      '4Nq7c1XyQz8uVb2LmPaT0e',
    );
    expect(trackIdFromCell('4Nq7c1XyQz8uVb2LmPaT0e')).toBe('4Nq7c1XyQz8uVb2LmPaT0e');
    expect(trackIdFromCell('https://open.spotify.com/artist/0Art')).toBeNull();
    expect(trackIdFromCell('spotify:album:1abc')).toBeNull();
  });

  it('GIVEN the same song written with other case and spacing WHEN an id is derived THEN it is the same id', () => {
    expect(derivedTrackId(' Midnight Tram', ['LUNA VALE'])).toBe(derivedTrackId('midnight tram', ['Luna Vale']));
    expect(derivedTrackId('Midnight Tram', ['Luna Vale'])).not.toBe(derivedTrackId('Midnight Tram', ['Other']));
  });
});
