// What the training summary says about columns: which header column was taken for which field.
import type { ColumnLayout } from './columnLayout.ts';
import { TRACK_COLUMNS } from './columns.ts';
import type { MappableField } from './columns.ts';
import { AUDIO_FEATURES } from './track.ts';

/** Which header column (as written) each field and feature came from; ids may be derived. */
export interface ColumnsUsed {
  byField: Partial<Record<MappableField, string>>;
  /** 'column' when ids were read from a column, 'derived' when made from title and artists. */
  id: 'column' | 'derived';
}

/** The columns a layout reads, for the ingest summary. */
export function describeColumnsUsed(layout: ColumnLayout): ColumnsUsed {
  return {
    byField: { ...layout.sources },
    id: layout.fields.id === undefined ? 'derived' : 'column',
  };
}

/**
 * One line: "id from 'Track URI', title from 'Track Name', ...; audio features: 9 by their own
 * name, tempo from 'BPM'". Features are named only when their column is not named after them.
 */
export function formatColumnsUsed(used: ColumnsUsed): string {
  const fields = TRACK_COLUMNS.flatMap((field) => {
    const column = used.byField[field];
    return column === undefined ? [] : [`${field} from '${column}'`];
  });
  if (used.id === 'derived') fields.unshift('id derived from title and artists');
  let byName = 0;
  const renamed: string[] = [];
  for (const feature of AUDIO_FEATURES) {
    const column = used.byField[feature];
    if (column === undefined) continue;
    if (column.toLowerCase() === feature) byName += 1;
    else renamed.push(`${feature} from '${column}'`);
  }
  const features = [`${byName} by their own name`, ...renamed].join(', ');
  return `${fields.join(', ')}; audio features: ${features}`;
}
