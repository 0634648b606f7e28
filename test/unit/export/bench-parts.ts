// Where the export's time goes (developer aid): node --import tsx test/unit/export/bench-parts.ts 100000
import XLSX from 'sheetjs-style';
import { tempStore, seedBatch, mixedRows } from './fixture.ts';
import { buildResultRows } from '../../../electron/export/result-rows.ts';
import { countBatch } from '../../../electron/stats/counts.ts';
import { buildHasilSheet, buildRingkasanSheet } from '../../../electron/export/xlsx-result.ts';
import { readZip, writeZip } from '../../../electron/export/zip-repack.ts';
const N = Number(process.argv[2] ?? 100000);
const { db } = tempStore();
const id = seedBatch(db, { rows: mixedRows(N) });
const table = buildResultRows(db, id);
const counts = countBatch(db, id);
const lap = (label: string, t: number) => console.log(label, Math.round(performance.now() - t));
for (const sst of [true, false]) {
  let t = performance.now();
  const wb = { SheetNames: ['Hasil', 'Ringkasan'], Sheets: { Hasil: buildHasilSheet(table, table.rows), Ringkasan: buildRingkasanSheet(table, counts) } };
  lap('sheet', t); t = performance.now();
  const raw = XLSX.write(wb as never, { type: 'buffer', bookType: 'xlsx', bookSST: sst, compression: false }) as Buffer;
  lap(`write sst=${sst}`, t); t = performance.now();
  const e = readZip(raw);
  lap('readZip', t); t = performance.now();
  writeZip(e);
  lap('writeZip', t);
}
let t = performance.now();
const aoa = [table.columns, ...table.rows.map((r) => r.values)];
const ws = XLSX.utils.aoa_to_sheet(aoa);
lap('aoa', t); t = performance.now();
XLSX.write({ SheetNames: ['Hasil'], Sheets: { Hasil: ws } } as never, { type: 'buffer', bookType: 'xlsx' });
lap('raw write', t);
