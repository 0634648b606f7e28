// Style objects of the result workbook, created once and shared by every cell: sheetjs-style
// hashes a cell's style object on write, so few distinct objects keep the styles part small.
// Every fill names bgColor up front: the library adds it to the object otherwise, which
// changes its hash after the first cell and duplicates the style.
import type { ElementResult, Status } from '../../shared/domain.ts';

export type CellStyle = Record<string, unknown>;

let nextId = 0;
/**
 * Gives a style object a tiny JSON form. sheetjs-style keys its style cache on
 * JSON.stringify(cell.s) for every cell; with toJSON that is a few characters instead of
 * the whole nested object, which matters at 100,000 rows. The builder still reads the real
 * properties. Each object must stay unique per look, which named() guarantees.
 */
function named<T extends CellStyle>(style: T): T {
  const key = `padan-style-${nextId++}`;
  Object.defineProperty(style, 'toJSON', { value: () => key, enumerable: false });
  return style;
}

const thin = { style: 'thin', color: { rgb: 'FFBFBFBF' } };
const border = { top: thin, bottom: thin, left: thin, right: thin };
const fill = (rgb: string) => ({ patternType: 'solid', fgColor: { rgb }, bgColor: { indexed: '64' } });

/** Fill colours per status: the legend in "Ringkasan" names the same ones. */
export const STATUS_RGB: Record<Status, string> = {
  AKTIF: 'FFC6EFCE',
  MENINGGAL: 'FFD9D9D9',
  PINDAH: 'FFFFEB9C',
  INVALID: 'FFFFC7CE',
  BELUM_DIPERIKSA: 'FFBDD7EE',
};
export const RESULT_RGB: Partial<Record<ElementResult, string>> = {
  MIRIP: 'FFFFEB9C',
  TIDAK_SESUAI: 'FFFFC7CE',
};

export const HEADER_STYLE: CellStyle = named({
  font: { bold: true, sz: 11, name: 'Calibri' },
  fill: fill('FFD9E1F2'),
  border,
  alignment: { vertical: 'center', wrapText: true },
});

export const TITLE_STYLE: CellStyle = named({ font: { bold: true, sz: 13, name: 'Calibri' } });
export const BOLD_STYLE: CellStyle = named({ font: { bold: true, sz: 11, name: 'Calibri' } });

export const STATUS_STYLE = Object.fromEntries<CellStyle>(
  (Object.keys(STATUS_RGB) as Status[]).map((s) => [s, named({ font: { bold: true, sz: 11, name: 'Calibri' }, fill: fill(STATUS_RGB[s]), border })]),
) as Record<Status, CellStyle>;

/** Differing element cells: coloured and bold, so they stand out when printed in grey too. */
export const RESULT_STYLE: Partial<Record<ElementResult, CellStyle>> = {
  MIRIP: named({ font: { bold: true, sz: 11, name: 'Calibri' }, fill: fill(RESULT_RGB.MIRIP!), border }),
  TIDAK_SESUAI: named({ font: { bold: true, sz: 11, name: 'Calibri', color: { rgb: 'FF9C0006' } }, fill: fill(RESULT_RGB.TIDAK_SESUAI!), border }),
};
