// A small invented catalog in the "Spotify Tracks Dataset" format: tracks in genre clusters with
// seeded features, plus "Shape of You" released twice (single and album) to test de-duplication.
const HEADER =
  'track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre';

const GENRES = ['pop', 'rock', 'classical', 'edm', 'hip-hop', 'jazz'];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A track id of 22 characters, like Spotify's. */
export function fakeTrackId(n: number): string {
  return `T${String(n).padStart(21, '0')}`;
}

export const SHAPE_OF_YOU_IDS = ['7qiZfU4dY1lWllzX7mPBI3', '0FE9t6xYkqWXU2ahLh6D8X'] as const;

/** CSV text with `perGenre` tracks in each of six genres plus two releases of "Shape of You". */
export function syntheticTracksCsv(perGenre = 60, seed = 7): string {
  const random = mulberry32(seed);
  const rows = [HEADER];
  let n = 0;
  GENRES.forEach((genre, g) => {
    const centre = Array.from({ length: 9 }, () => random());
    for (let i = 0; i < perGenre; i++) {
      const f = centre.map((c) => Math.min(1, Math.max(0, c + (random() - 0.5) * 0.25)));
      const [dance, energy, loud, speech, acoustic, instr, live, valence, tempo] = f as [
        number,
        ...number[],
      ];
      rows.push(
        [
          fakeTrackId(n++),
          `Artist ${g}-${i % 20}`,
          `Album ${g}-${i % 7}`,
          `Song ${genre} ${i}`,
          Math.floor(random() * 100),
          180000 + Math.floor(random() * 60000),
          random() < 0.2 ? 'True' : 'False',
          dance.toFixed(3),
          energy!.toFixed(3),
          Math.floor(random() * 12),
          (-30 + loud! * 28).toFixed(3),
          random() < 0.5 ? 1 : 0,
          (speech! * 0.5).toFixed(4),
          acoustic!.toFixed(4),
          instr!.toFixed(4),
          live!.toFixed(4),
          valence!.toFixed(3),
          (60 + tempo! * 120).toFixed(3),
          4,
          genre,
        ].join(','),
      );
    }
  });
  const shape = '0.825,0.652,1,-3.183,0,0.0802,0.581,0,0.0931,0.931,95.977,4,pop';
  rows.push(`${SHAPE_OF_YOU_IDS[0]},Ed Sheeran,÷ (Deluxe),Shape of You,87,233712,False,${shape}`);
  rows.push(`${SHAPE_OF_YOU_IDS[1]},Ed Sheeran,Shape of You,Shape of You,79,233712,False,${shape}`);
  return `${rows.join('\n')}\n`;
}
