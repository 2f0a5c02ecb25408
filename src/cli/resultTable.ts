// The table both result CLIs print: rank, title, artists, genre, score, explanation, link.
import { formatTextTable } from './textTable.ts';

export interface ResultRow {
  rank: number;
  title: string;
  artists: string[];
  genres: string[];
  similarity: number;
  reason: string;
  link: string;
}

/** Aligned text columns for a terminal; `scoreHeader` and `reasonHeader` name the last two. */
export function formatResultTable(
  rows: readonly ResultRow[],
  scoreHeader: string,
  reasonHeader: string,
  reasonWidth: number,
): string {
  return formatTextTable(
    [
      { header: '#', align: 'right' },
      { header: 'Title', maxWidth: 40 },
      { header: 'Artists', maxWidth: 30 },
      { header: 'Genre', maxWidth: 20 },
      { header: scoreHeader, align: 'right' },
      { header: reasonHeader, maxWidth: reasonWidth },
      { header: 'Link' },
    ],
    rows.map((r) => [
      String(r.rank),
      r.title,
      r.artists.join(', '),
      r.genres.join(', '),
      `${r.similarity}%`,
      r.reason,
      r.link,
    ]),
  );
}
