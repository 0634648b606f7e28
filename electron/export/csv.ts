// CSV result: UTF-8 with BOM (so Excel shows "Ã" as "Ã" not mojibake), ';' as delimiter
// (Excel's default in the Indonesian locale, where ',' is the decimal separator), every value
// quoted.
//
// Formula-like values: a cell that starts with = + - @ (or tab / carriage return, OWASP's
// list) gets a leading apostrophe. Why the apostrophe and not a tab: a CSV cell has no type,
// so Excel re-evaluates "=HYPERLINK(...)" on open; the apostrophe is OWASP's recommendation,
// it is visible (nobody mistakes the value for the original) and survives tools that trim
// whitespace, which a tab does not. Only in CSV: the workbook stores such values as text.
import { writeFileSync } from 'node:fs';
import type { TableShape } from './types.ts';

type Rows = Iterable<{ values: string[] }>;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvValue(v: string): string {
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function resultCsv(table: Pick<TableShape, 'columns'> & { rows: Rows }): string {
  const lines = [table.columns.map(csvValue).join(';')];
  for (const row of table.rows) lines.push(row.values.map((v) => csvValue(v ?? '')).join(';'));
  // CRLF: what Excel and most Windows tools expect of a CSV.
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function writeResultCsv(shape: TableShape, rows: Rows, out: string): number {
  const buf = Buffer.from(resultCsv({ columns: shape.columns, rows }), 'utf8');
  writeFileSync(out, buf);
  return buf.length;
}
