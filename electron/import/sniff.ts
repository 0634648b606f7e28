// Tells what a file is from its first bytes, before any parser sees it: a parser that is
// handed a PNG or a zip bomb should never run. Zip sizes come from the central directory;
// a lying directory is caught later by the worker's heap limit and timeout. Encrypted
// workbooks are recognised by their structure here too, not by a parser's error text.
import { inflateRawSync } from 'node:zlib';
import { importErrors } from './errors.ts';

export type FileFormat = 'xlsx' | 'xlsb' | 'ods' | 'xls' | 'csv' | 'xml' | 'cfb';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Central-directory listing of a zip, or null when there is no readable directory. */
export function zipEntries(buf: Buffer): ZipEntryInfo[] | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      method: buf.readUInt16LE(p + 10),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Format of the bytes; throws ImportError for what is plainly not a spreadsheet. */
export function sniffFormat(buf: Buffer, fileName: string, maxUnpackedBytes: number): FileFormat {
  if (buf.length === 0) throw importErrors.empty();
  if (startsWith(buf, ZIP)) {
    const entries = zipEntries(buf);
    if (!entries) throw importErrors.corrupt('daftar isi arsip tidak terbaca');
    const total = entries.reduce((s, e) => s + e.uncompressed, 0);
    // A 0xFFFFFFFF size means zip64: treat it as too large rather than trusting it.
    if (total > maxUnpackedBytes || entries.some((e) => e.uncompressed === 0xffffffff)) {
      throw importErrors.unpackedTooLarge(total, maxUnpackedBytes);
    }
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('xl/workbook.bin')) return 'xlsb';
    // OpenDocument (also LibreOffice's whole-package encryption, which has no content.xml).
    if (names.has('META-INF/manifest.xml') && odfEncrypted(buf, entries)) throw importErrors.password();
    if (names.has('content.xml')) return 'ods';
    if ([...names].some((n) => /^xl\/.*workbook/i.test(n))) return 'xlsx';
    throw importErrors.notSpreadsheet();
  }
  if (startsWith(buf, CFB)) return 'cfb';
  // Old BIFF2-4 files have no container: a BOF record at offset 0.
  if (/\.xls$/i.test(fileName) && buf[1] === 0x00 && [0x09, 0x02, 0x04, 0x08].includes(buf[0]!)) {
    if (biffEncrypted(buf)) throw importErrors.password();
    return 'xls';
  }
  if (looksLikeText(buf)) {
    const head = buf.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (/^<(\?xml|html|table|!DOCTYPE html)/i.test(head) && !/\.(csv|txt)$/i.test(fileName)) return 'xml';
    return 'csv';
  }
  throw importErrors.notSpreadsheet();
}

/** No NUL or other control bytes in the first 8 KiB (UTF-16 with a BOM counts as text). */
function looksLikeText(buf: Buffer): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  const n = Math.min(buf.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) bad++;
  }
  return bad <= n / 100;
}

/** BIFF FILEPASS: the workbook stream of a password-protected .xls (any BIFF version). */
const FILEPASS = 0x002f;

/**
 * Whether a BIFF workbook stream is encrypted. FILEPASS comes right after the globals' BOF
 * (at most a WRITEPROT between them) and record headers stay readable in an encrypted
 * stream, so the first few records tell.
 */
export function biffEncrypted(stream: Uint8Array): boolean {
  let p = 0;
  for (let n = 0; n < 8 && p + 4 <= stream.length; n++) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    if (type === FILEPASS) return true;
    p += 4 + (stream[p + 2]! | (stream[p + 3]! << 8));
  }
  return false;
}

/** A manifest is a few KiB; more is not a manifest worth reading here. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * Whether an OpenDocument package is password-protected: its manifest lists encryption-data
 * for the encrypted entries (ODF 1.2 per-file AES, and LibreOffice's OpenPGP whole-package
 * encryption alike). A manifest that cannot be read is left for the parser to judge.
 */
function odfEncrypted(buf: Buffer, entries: ZipEntryInfo[]): boolean {
  const e = entries.find((x) => x.name === 'META-INF/manifest.xml');
  if (!e || e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) return false;
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const raw = buf.subarray(start, start + e.compressed);
  let xml: string;
  try {
    if (e.method === 0) xml = raw.subarray(0, MAX_MANIFEST_BYTES).toString('utf8');
    else if (e.method === 8) xml = inflateRawSync(raw, { maxOutputLength: MAX_MANIFEST_BYTES }).toString('utf8');
    else return false;
  } catch {
    return false;
  }
  return /<(\w+:)?encryption-data\b/.test(xml);
}
