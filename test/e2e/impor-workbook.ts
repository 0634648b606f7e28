// A messy agency workbook as they really arrive (domain.md §4): two title rows with a merged
// title, a blank row, a "NO" column, mixed header names, a NIK typed as a number, a date as
// text with an Indonesian month, a duplicate NIK and an empty NIK.
import * as XLSX from '@e965/xlsx';

export const MESSY_NIKS = ['7372011205800001', '7372015306850002', '7372020101900003'];

export function messyWorkbook(extraRows: string[][] = []): Buffer {
  const aoa: (string | number)[][] = [
    ['DAFTAR PENERIMA BPNT KEL. LAKESSI 2021'],
    ['DINAS SOSIAL KOTA PAREPARE'],
    [],
    ['NO', 'NO. NIK', 'NAMA PENERIMA', 'TMPT LHR', 'TANGGAL LAHIR', 'L/P', 'NOMOR KK', 'ALAMAT'],
    [1, MESSY_NIKS[0]!, 'ANDI BASO', 'PAREPARE', '12-05-1980', 'L', '7372010101090001', 'JL. BAU MASSEPE'],
    [2, MESSY_NIKS[1]!, 'SITTI AMINAH', 'PAREPARE', '13 Juni 1985', 'P', '7372010101090002', 'JL. KARAENG BURANE'],
    [3, 7372020101900000, 'MUH. ARIF', 'BARRU', '01/01/1990', 'L', '', 'JL. LAHALEDE'],
    [4, MESSY_NIKS[0]!, 'ANDI BASO', 'PAREPARE', '12-05-1980', 'L', '7372010101090001', 'JL. BAU MASSEPE'],
    [5, '', 'TANPA NIK', 'PAREPARE', '1 MEI 80', 'P', '', ''],
    ...extraRows,
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Lembar sampul'], ['Lihat lembar DATA']]), 'SAMPUL');
  XLSX.utils.book_append_sheet(wb, ws, 'DATA');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

function oneSheet(aoa: (string | number)[][], name = 'DATA'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const PEOPLE: (string | number)[][] = [
  [MESSY_NIKS[0]!, 'ANDI BASO', 'JL. BAU MASSEPE'],
  [MESSY_NIKS[1]!, 'SITTI AMINAH', 'JL. KARAENG BURANE'],
  [MESSY_NIKS[2]!, 'MUH. ARIF', 'JL. LAHALEDE'],
];

/**
 * The NIK column headed "NOMOR", which every agency list also uses for its running number:
 * detection must leave it alone, so no NIK column is found and the user picks it by hand (B).
 */
export function nomorWorkbook(): Buffer {
  return oneSheet([['DAFTAR PENERIMA BANTUAN UMKM 2021'], [], ['NO URUT', 'NOMOR', 'NAMA PENERIMA', 'ALAMAT'], ...PEOPLE.map((p, i) => [i + 1, ...p])]);
}

/** Data straight under a title, no header row at all (rows 2-4: NIK, name, address). */
export function headerlessWorkbook(): Buffer {
  return oneSheet([['DAFTAR PENERIMA BPNT KEL. LAKESSI 2021'], ...PEOPLE]);
}
