// Numbered migrations, applied in order. A test checks that this list and the files in
// this folder agree, so a migration cannot be forgotten here.
import m0001 from './0001_init.ts';
import m0002 from './0002_seed_agencies.ts';
import m0010 from './0010_batch_stats.ts';
import m0020 from './0020_operators.ts';
import m0021 from './0021_batch_purges.ts';
import m0030 from './0030_batch_niks.ts';
import m0031 from './0031_row_results_matched_nik.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  { id: 1, name: '0001_init', sql: m0001 },
  { id: 2, name: '0002_seed_agencies', sql: m0002 },
  { id: 10, name: '0010_batch_stats', sql: m0010 },
  { id: 20, name: '0020_operators', sql: m0020 },
  { id: 21, name: '0021_batch_purges', sql: m0021 },
  { id: 30, name: '0030_batch_niks', sql: m0030 },
  { id: 31, name: '0031_row_results_matched_nik', sql: m0031 },
];
