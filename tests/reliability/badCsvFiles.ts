// Broken CSV uploads for /retrain, each with what its error must say.
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';

export interface BadCsv {
  name: string;
  file: string;
  data: Buffer;
  /** What the reply must say, besides the file name. */
  says: RegExp;
  /** The reply names a line of the file. */
  namesLine: boolean;
}

const good = syntheticTracksCsv(3).trimEnd().split('\n');
const header = good[0]!;
const rows = good.slice(1);
const column = (name: string) => header.split(',').indexOf(name);
const withField = (row: string, name: string, value: string) =>
  row
    .split(',')
    .map((field, i) => (i === column(name) ? value : field))
    .join(',');
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

export const BAD_CSVS: BadCsv[] = [
  {
    name: 'missing columns',
    file: 'ids.csv',
    data: csv('id,name', '1,x'),
    says: /missing required column/,
    namesLine: true,
  },
  {
    name: 'NaN, Infinity and negative tempo in every row',
    file: 'nan.csv',
    data: csv(
      header,
      ...rows.map((row, i) =>
        withField(row, 'tempo', ['NaN', 'Infinity', '-120', 'abc'][i % 4] as string),
      ),
    ),
    says: /tempo/,
    namesLine: true,
  },
  {
    name: 'a duplicated header',
    file: 'twice.csv',
    data: csv(`${header},tempo`, ...rows.map((row) => `${row},1`)),
    says: /tempo/,
    namesLine: true,
  },
  {
    name: 'a truncated final line',
    file: 'cut.csv',
    data: Buffer.from(`${good.join('\n')}\n${rows[0]!.slice(0, 20)},"Album cut off`),
    says: /never closed/,
    namesLine: true,
  },
  {
    name: '0 bytes',
    file: 'empty.csv',
    data: Buffer.alloc(0),
    says: /no data rows|empty/,
    namesLine: false,
  },
  {
    name: 'a binary file',
    file: 'image.csv',
    data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256)),
    says: /not .*CSV|binary|text/i,
    namesLine: false,
  },
  {
    name: 'semicolons for commas',
    file: 'excel.csv',
    data: csv(...good.map((line) => line.replaceAll(',', ';'))),
    says: /comma/,
    namesLine: true,
  },
  {
    name: 'Latin-1 text',
    file: 'latin1.csv',
    data: Buffer.concat([
      csv(header, ...rows.slice(0, 5)),
      Buffer.from(`${withField(rows[5]!, 'track_name', 'Caf\u00e9 del Mar')}\n`, 'latin1'),
    ]),
    says: /UTF-8/,
    namesLine: true,
  },
];
