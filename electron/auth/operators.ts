// Local operator accounts. Every change is written to the audit log in the same
// transaction; no password, hash or salt ever reaches the log.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Role } from '../../shared/domain.ts';
import { appendAudit } from '../store/audit.ts';
import { AuthError } from './errors.ts';
import { checkPasswordStrength, hashPassword } from './password.ts';

export interface Operator {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

interface OperatorRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled: number;
}

const toOperator = (r: OperatorRow): Operator => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  createdAt: r.created_at,
  disabled: r.disabled === 1,
});

export function countOperators(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
}

export function listOperators(db: Database): Operator[] {
  return (db.prepare('SELECT * FROM operators ORDER BY username').all() as OperatorRow[]).map(toOperator);
}

/** The row with its hash, for sign-in only. */
export function findOperatorRow(db: Database, username: string): OperatorRow | undefined {
  return db.prepare('SELECT * FROM operators WHERE username = ?').get(username.trim()) as OperatorRow | undefined;
}

function requireOperator(db: Database, username: string): OperatorRow {
  const row = findOperatorRow(db, username);
  if (!row) throw new AuthError('AUTH_UNKNOWN_OPERATOR', `Akun "${username}" tidak ditemukan.`);
  return row;
}

export interface NewOperator {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export async function createOperator(db: Database, input: NewOperator, by: string, action = 'OPERATOR_CREATE'): Promise<Operator> {
  checkPasswordStrength(input.password);
  const username = input.username.trim();
  if (findOperatorRow(db, username)) {
    throw new AuthError('AUTH_USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai. Pilih nama lain.`);
  }
  const hash = await hashPassword(input.password);
  const at = new Date().toISOString();
  const id = db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO operators (username, display_name, role, password_hash, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(username, input.displayName.trim(), input.role, hash, at, by);
    appendAudit(db, { operator: by, action, detail: { username, role: input.role } });
    return Number(info.lastInsertRowid);
  })();
  return toOperator(db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow);
}

function activeAdmins(db: Database): number {
  return (db.prepare(`SELECT count(*) AS n FROM operators WHERE role = 'ADMIN' AND disabled = 0`).get() as { n: number }).n;
}

export function setOperatorDisabled(db: Database, username: string, disabled: boolean, by: string): Operator {
  const row = requireOperator(db, username);
  // Disabling the last active administrator would lock the office out of its own settings.
  if (disabled && row.role === 'ADMIN' && row.disabled === 0 && activeAdmins(db) <= 1) {
    throw new AuthError('AUTH_LAST_ADMIN', 'Administrator terakhir tidak dapat dinonaktifkan. Buat administrator lain terlebih dahulu.');
  }
  db.transaction(() => {
    db.prepare('UPDATE operators SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, row.id);
    appendAudit(db, { operator: by, action: disabled ? 'OPERATOR_DISABLE' : 'OPERATOR_ENABLE', detail: { username: row.username } });
  })();
  return toOperator({ ...row, disabled: disabled ? 1 : 0 });
}

export async function resetPassword(db: Database, username: string, password: string, by: string): Promise<void> {
  checkPasswordStrength(password);
  const row = requireOperator(db, username);
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE operators SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(
      hash,
      new Date().toISOString(),
      row.id,
    );
    appendAudit(db, { operator: by, action: 'OPERATOR_PASSWORD_RESET', detail: { username: row.username } });
  })();
}
