// Backup and restore of the local store. The image never touches the disk unencrypted:
// serialize() gives the decrypted pages in memory, and restore copies from an in-memory
// database into the open store inside one transaction, so a crash mid-restore leaves the
// old store as it was, and no store key is needed (the backup may come from another PC).
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { PadanError } from '../api/errors.ts';
import { appendAudit, verifyAudit } from '../store/audit.ts';
import { migrate } from '../store/migrate.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import { wipeFreedPages } from '../retention/purge.ts';
import { BACKUP_MESSAGES, decryptBackup, encryptBackup } from './format.ts';

// What a backup holds is part of the API contract (shared/api/backup.ts).
import type { BackupInfo } from '../../shared/api/backup.ts';
export type { BackupInfo };

function writeAtomically(path: string, data: Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Payload: u32 length | JSON meta | SQLite image. */
function pack(meta: object, image: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(meta), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([len, json, image]);
}

function unpack(payload: Buffer): { meta: { createdAt: string; createdBy: string }; image: Buffer } {
  const len = payload.readUInt32BE(0);
  const meta = JSON.parse(payload.subarray(4, 4 + len).toString('utf8')) as { createdAt: string; createdBy: string };
  return { meta, image: payload.subarray(4 + len) };
}

export function createBackup(db: Db, path: string, passphrase: string, operator: string): BackupInfo {
  if (passphrase.length < 8) throw new PadanError('BACKUP_WEAK_PASSPHRASE', 'Kata sandi cadangan minimal 8 karakter.');
  const image = db.serialize();
  const meta = { createdAt: new Date().toISOString(), createdBy: operator };
  const file = encryptBackup(pack(meta, image), passphrase);
  image.fill(0); // the plaintext pages leave memory as soon as they are encrypted
  writeAtomically(path, file);
  const info = describe(db, meta, file.length);
  appendAudit(db, { operator, action: 'BACKUP_CREATE', detail: { file: basename(path), bytes: file.length, batches: info.batches } });
  return info;
}

function describe(db: Db, meta: { createdAt: string; createdBy: string }, bytes: number): BackupInfo {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  return {
    ...meta,
    appSchema: n('SELECT max(id) AS n FROM schema_migrations'),
    batches: n('SELECT count(*) AS n FROM batches'),
    auditEntries: n('SELECT count(*) AS n FROM audit_log'),
    auditChainOk: verifyAudit(db).ok,
    bytes,
  };
}

/** Decrypts, opens in memory and checks the image; the caller must close the result. */
function openBackup(path: string, passphrase: string): { db: Db; info: BackupInfo } {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    throw new PadanError('BACKUP_NOT_FOUND', `Berkas cadangan "${basename(path)}" tidak dapat dibaca. Periksa lokasi berkas.`);
  }
  const { meta, image } = unpack(decryptBackup(file, passphrase));
  // The image was taken in WAL mode; an in-memory database must be told it is not.
  if (image.length > 19) {
    image[18] = 1;
    image[19] = 1;
  }
  let mem: Db;
  try {
    mem = new Database(image);
  } catch {
    throw new PadanError('BACKUP_DAMAGED', BACKUP_MESSAGES.damaged);
  }
  try {
    const check = mem.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new PadanError('BACKUP_DAMAGED', BACKUP_MESSAGES.damaged);
    return { db: mem, info: describe(mem, meta, file.length) };
  } catch (err) {
    mem.close();
    throw err;
  }
}

export function inspectBackup(path: string, passphrase: string): BackupInfo {
  const { db, info } = openBackup(path, passphrase);
  db.close();
  return info;
}

export interface RestoreResult extends BackupInfo {
  /** The copy of the store as it was before the restore (still encrypted with its key). */
  previousCopy: string;
}

export function restoreBackup(
  db: Db,
  path: string,
  passphrase: string,
  opts: { confirm: boolean; operator: string; now?: Date },
): RestoreResult {
  if (opts.confirm !== true) {
    throw new PadanError('BACKUP_CONFIRM', 'Pemulihan mengganti seluruh data lokal. Centang konfirmasi untuk melanjutkan.');
  }
  const { db: src, info } = openBackup(path, passphrase);
  try {
    // Bring an older backup up to this version's schema; a newer one is refused here.
    migrate(src, MIGRATIONS);
    const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const previousCopy = `${db.name}.before-restore-${stamp}`;
    // VACUUM INTO keeps the store's cipher and key: the copy is as protected as the store.
    db.prepare('VACUUM INTO ?').run(previousCopy);
    db.transaction(() => {
      copyAll(src, db);
      appendAudit(db, {
        operator: opts.operator,
        action: 'BACKUP_RESTORE',
        detail: { file: basename(path), createdAt: info.createdAt, createdBy: info.createdBy, previousCopy: basename(previousCopy) },
      });
    })();
    wipeFreedPages(db); // the replaced pages held the old personal data
    return { ...info, previousCopy };
  } finally {
    src.close();
  }
}

/** Replaces every table's rows in `dst` by those of `src`, triggers off meanwhile. */
function copyAll(src: Db, dst: Db): void {
  dst.pragma('defer_foreign_keys = ON');
  const triggers = dst.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  for (const t of triggers) dst.exec(`DROP TRIGGER "${t.name}"`);
  const tablesOf = (d: Db) =>
    (d.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[]).map(
      (r) => r.name,
    );
  const srcTables = new Set(tablesOf(src));
  for (const table of tablesOf(dst)) {
    dst.prepare(`DELETE FROM "${table}"`).run();
    if (!srcTables.has(table)) continue;
    const cols = (src.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`);
    const insert = dst.prepare(`INSERT INTO "${table}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    for (const row of src.prepare(`SELECT ${cols.join(', ')} FROM "${table}"`).raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>) {
      insert.run(...row);
    }
  }
  const hasSeq = (d: Db) => !!d.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get();
  if (hasSeq(dst)) {
    dst.exec('DELETE FROM sqlite_sequence');
    if (hasSeq(src)) for (const r of src.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]) {
      dst.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(r.name, r.seq);
    }
  }
  for (const t of triggers) dst.exec(t.sql);
}
