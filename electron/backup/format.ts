// The backup file: a passphrase-encrypted image of the local store, readable on another
// PC (the store's own key stays with the PC that made it).
//
//   magic "PADANBAK" | version u8 | log2 N u8 | r u8 | p u8 | salt 16 | iv 12 |
//   payload length u64 | passphrase check 32 | ciphertext | GCM tag 16
//
// scrypt(passphrase, salt) gives 64 bytes: the AES-256-GCM key and a check key. The check
// (HMAC of the header) tells a wrong passphrase apart from a damaged file; the GCM tag
// (header as associated data) proves the file whole.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { PadanError } from '../api/errors.ts';

export const MAGIC = Buffer.from('PADANBAK', 'ascii');
export const VERSION = 1;
const HEADER_LEN = 8 + 4 + 16 + 12 + 8;
const CHECK_LEN = 32;
const TAG_LEN = 16;
/** 2^16 × 8 × 128 B = 64 MiB per guess: a backup on a lost flash disk is an offline target. */
const DEFAULT_PARAMS = { logN: 16, r: 8, p: 1 };

export const BACKUP_MESSAGES = {
  notBackup: 'Berkas ini bukan cadangan Padan. Pilih berkas cadangan (.padanbak) yang benar.',
  newerVersion: 'Cadangan ini dibuat oleh versi Padan yang lebih baru. Perbarui Padan lalu ulangi.',
  wrongPassphrase: 'Kata sandi cadangan salah. Periksa kata sandi (huruf besar/kecil berpengaruh) lalu ulangi.',
  damaged: 'Berkas cadangan rusak atau terpotong (isinya tidak utuh). Gunakan salinan cadangan yang lain.',
} as const;

function deriveKeys(passphrase: string, salt: Buffer, logN: number, r: number, p: number): { enc: Buffer; check: Buffer } {
  const N = 2 ** logN;
  const out = scryptSync(passphrase.normalize('NFC'), salt, 64, { N, r, p, maxmem: 256 * N * r });
  return { enc: out.subarray(0, 32), check: out.subarray(32) };
}

export function encryptBackup(plain: Buffer, passphrase: string, params = DEFAULT_PARAMS): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.alloc(HEADER_LEN);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 8);
  header.writeUInt8(params.logN, 9);
  header.writeUInt8(params.r, 10);
  header.writeUInt8(params.p, 11);
  salt.copy(header, 12);
  iv.copy(header, 28);
  header.writeBigUInt64BE(BigInt(plain.length), 40);
  const keys = deriveKeys(passphrase, salt, params.logN, params.r, params.p);
  const check = createHmac('sha256', keys.check).update(header).digest();
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv);
  cipher.setAAD(Buffer.concat([header, check]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, check, body, cipher.getAuthTag()]);
}

export function decryptBackup(file: Buffer, passphrase: string): Buffer {
  if (file.length < HEADER_LEN + CHECK_LEN || !file.subarray(0, 8).equals(MAGIC)) {
    throw new PadanError('BACKUP_NOT_PADAN', BACKUP_MESSAGES.notBackup);
  }
  const header = file.subarray(0, HEADER_LEN);
  if (header.readUInt8(8) > VERSION) throw new PadanError('BACKUP_NEWER', BACKUP_MESSAGES.newerVersion);
  const [logN, r, p] = [header.readUInt8(9), header.readUInt8(10), header.readUInt8(11)];
  if (logN < 10 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16) throw new PadanError('BACKUP_DAMAGED', BACKUP_MESSAGES.damaged);
  const keys = deriveKeys(passphrase, header.subarray(12, 28), logN, r, p);
  const check = file.subarray(HEADER_LEN, HEADER_LEN + CHECK_LEN);
  const expected = createHmac('sha256', keys.check).update(header).digest();
  if (!timingSafeEqual(check, expected)) throw new PadanError('BACKUP_WRONG_PASSPHRASE', BACKUP_MESSAGES.wrongPassphrase);
  const length = Number(header.readBigUInt64BE(40));
  if (file.length !== HEADER_LEN + CHECK_LEN + length + TAG_LEN) throw new PadanError('BACKUP_DAMAGED', BACKUP_MESSAGES.damaged);
  const decipher = createDecipheriv('aes-256-gcm', keys.enc, header.subarray(28, 40));
  decipher.setAAD(Buffer.concat([header, check]));
  decipher.setAuthTag(file.subarray(file.length - TAG_LEN));
  try {
    return Buffer.concat([decipher.update(file.subarray(HEADER_LEN + CHECK_LEN, file.length - TAG_LEN)), decipher.final()]);
  } catch {
    throw new PadanError('BACKUP_DAMAGED', BACKUP_MESSAGES.damaged);
  }
}
