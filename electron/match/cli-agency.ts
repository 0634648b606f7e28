// Agency and program of a CLI run: found by name (or code), created when new, so every batch
// records whom it was processed for (UU 27/2022 purpose binding).
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Named { id: number; name: string }

const codeOf = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 32) || 'OPD';

/** --agency NAME, or 'Umum', or the first seeded agency when absent. */
export function resolveAgency(db: Database, name: string | undefined): Named {
  const find = db.prepare('SELECT id, name FROM agencies WHERE lower(name) = lower(?) OR lower(code) = lower(?)');
  if (name?.trim()) {
    const hit = find.get(name.trim(), name.trim()) as Named | undefined;
    if (hit) return hit;
    return insert(db, 'agencies', name.trim());
  }
  const umum = find.get('Umum', 'UMUM') as Named | undefined;
  if (umum) return umum;
  const first = db.prepare('SELECT id, name FROM agencies ORDER BY id LIMIT 1').get() as Named | undefined;
  return first ?? insert(db, 'agencies', 'Umum');
}

export function resolveProgram(db: Database, name: string, agencyId: number): Named {
  const hit = db.prepare('SELECT id, name FROM programs WHERE lower(name) = lower(?) OR lower(code) = lower(?)').get(name, name) as Named | undefined;
  if (hit) return hit;
  return insert(db, 'programs', name, agencyId);
}

function insert(db: Database, table: 'agencies' | 'programs', name: string, agencyId?: number): Named {
  let code = codeOf(name);
  const taken = db.prepare(`SELECT 1 FROM ${table} WHERE code = ?`);
  for (let i = 2; taken.get(code); i++) code = `${codeOf(name).slice(0, 28)}_${i}`;
  const now = new Date().toISOString();
  const id =
    table === 'agencies'
      ? Number(db.prepare('INSERT INTO agencies (name, code, created_at) VALUES (?, ?, ?)').run(name, code, now).lastInsertRowid)
      : Number(db.prepare('INSERT INTO programs (name, code, agency_id, created_at) VALUES (?, ?, ?, ?)').run(name, code, agencyId ?? null, now).lastInsertRowid);
  return { id, name };
}
