// Tracks from files without Spotify ids (derived nb- ids, other catalogues' ids) get no link:
// a link to open.spotify.com/track/nb-... is a dead page for the listener.
import { describe, expect, it } from 'vitest';
import { playlistMessage, playlistUris } from '../../src/bot/embeds/playlistMessage.ts';
import { describeTrackResult } from '../../src/bot/embeds/trackLines.ts';
import { derivedTrackId, spotifyTrackUrl } from '../../src/data/trackIds.ts';
import { makeTrack } from '../core/syntheticCatalog.ts';

const SPOTIFY_ID = '7qiZfU4dY1lWllzX7mPBI3';
const derived = derivedTrackId('Our Song', ['A Band']);

describe('Spotify links', () => {
  it('GIVEN a Spotify id and a derived id WHEN linked THEN only the Spotify id gets a page', () => {
    expect(spotifyTrackUrl(SPOTIFY_ID)).toBe(`https://open.spotify.com/track/${SPOTIFY_ID}`);
    expect(spotifyTrackUrl(derived)).toBeUndefined();
    expect(spotifyTrackUrl('12345')).toBeUndefined();
  });

  it('GIVEN a result with a derived id WHEN described THEN its title is bold, not a link', () => {
    const line = describeTrackResult(1, makeTrack({ id: derived, title: 'Our Song' }), 90, '');
    expect(line).toContain('**1. Our Song**');
    expect(line).not.toContain('open.spotify.com');
  });

  it('GIVEN a playlist mixing both WHEN sent THEN the file holds only Spotify URIs and the message says why', () => {
    const tracks = [
      makeTrack({ id: SPOTIFY_ID, title: 'Shape of You' }),
      makeTrack({ id: derived, title: 'Our Song' }),
    ];
    expect(playlistUris(tracks)).toBe(`spotify:track:${SPOTIFY_ID}\n`);
    const message = playlistMessage('Mix', tracks);
    expect(message.content).toContain('1 of these songs have no Spotify id');
    const listed = message.embeds.map((e) => e.data.description).join('\n');
    expect(listed).toContain('2. Our Song');
    expect(listed.match(/open\.spotify\.com/g)).toHaveLength(1);
  });
});
