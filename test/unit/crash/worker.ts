// Child process for the crash test: checks the store as it finds it (after a SIGKILL),
// then works in a loop until killed: import-like bulk insert in one transaction, real
// matchBatch (chunk results + match_chunks in one transaction) against an in-memory
// registry, and an export written to a temp file and renamed. importFile does not exist
// yet (electron/import), so the import is simulated with its transaction shape.
//   node --import tsx worker.ts <dataDir> <key> <mode: work|resume>
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchBatch } from '../../../electron/match/run.ts';
import type { Registry, RegistryPerson } from '../../../electron/registry/types.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';

const [dataDir, key, mode] = process.argv.slice(2) as [string, string, string];
const ROWS = 2500;
const BATCHES = mode === 'resume' ? 0 : Infinity;
const nikOf = (b: number, s: number) => `7372${String(b).padStart(6, '0')}${String(s).padStart(6, '0')}`;

const db = openStoreDb({ path: join(dataDir, 'padan.db'), key });

// ---- check what the previous (killed) run left ------------------------------------------
const problems: string[] = [];
const integrity = db.pragma('integrity_check', { simple: true });
if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
for (const b of db.prepare('SELECT id, row_count FROM batches').all() as { id: number; row_count: number }[]) {
  const n = (db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(b.id) as { n: number }).n;
  if (n !== b.row_count) problems.push(`batch ${b.id}: ${n} of ${b.row_count} rows`);
}
for (const c of db.prepare('SELECT * FROM match_chunks').all() as { batch_id: number; first_seq: number; last_seq: number; chunk_no: number }[]) {
  const want = (db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ? AND seq BETWEEN ? AND ?').get(c.batch_id, c.first_seq, c.last_seq) as { n: number }).n;
  const have = (db
    .prepare(`SELECT count(*) AS n FROM row_results WHERE batch_id = ? AND seq BETWEEN ? AND ? AND status <> 'BELUM_DIPERIKSA' AND checked_at IS NOT NULL`)
    .get(c.batch_id, c.first_seq, c.last_seq) as { n: number }).n;
  if (want !== have) problems.push(`batch ${c.batch_id} chunk ${c.chunk_no}: ${have} of ${want} results`);
}
for (const f of readdirSync(dataDir).filter((f) => /^export-\d+\.csv$/.test(f))) {
  const lines = readFileSync(join(dataDir, f), 'utf8').split('\n');
  if (lines.at(-1) !== `END ${ROWS}` || lines.length !== ROWS + 2) problems.push(`${f} half-written`);
}
process.stdout.write(`CHECK ${JSON.stringify(problems)}\n`);

// ---- work until killed -------------------------------------------------------------------
const committedAtStart = new Set<string>();
for (const r of db
  .prepare(`SELECT b.nik FROM match_chunks c JOIN batch_rows b ON b.batch_id = c.batch_id AND b.seq BETWEEN c.first_seq AND c.last_seq`)
  .all() as { nik: string }[]) committedAtStart.add(r.nik);
const lookedUp = new Set<string>();

const person = (nik: string): RegistryPerson => ({
  nik, kk: null, name: 'X', birthPlace: null, birthDate: null, sex: null, motherName: null, flagStatus: '0',
  prop: '73', kab: '72', kec: '1', kel: '1001', address: null, rt: null, rw: null, kecamatanName: null, kelurahanName: null,
  movedOut: false, deceased: false,
});
const registry: Registry = {
  kind: 'demo',
  label: 'crash-test',
  async lookup(niks) {
    for (const n of niks) {
      // A row whose chunk was committed before this run must never be asked again.
      if (committedAtStart.has(n)) process.stdout.write(`RECHECK ${n}\n`);
      if (lookedUp.has(n)) process.stdout.write(`TWICE ${n}\n`);
      lookedUp.add(n);
    }
    await new Promise((r) => setImmediate(r));
    return new Map(niks.map((n) => [n, person(n)]));
  },
  lookupPrefixes: async () => [],
  searchByNameAndBirthDate: async () => [],
  familyMembers: async () => [],
  diagnostics: async () => { throw new Error('unused'); },
  close: async () => {},
};

function importBatch(): number {
  return db.transaction(() => {
    const id = Number(
      db.prepare(
        `INSERT INTO batches (agency_id, file_name, file_sha256, headers, column_map, state, row_count, created_at, created_by)
         VALUES (1, 'x.xlsx', 'sha', '["NIK"]', '{"NIK":0}', 'IMPORTED', ?, ?, 'crash')`,
      ).run(ROWS, new Date().toISOString()).lastInsertRowid,
    );
    const ins = db.prepare('INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik) VALUES (?, ?, ?, ?, ?, ?)');
    for (let s = 0; s < ROWS; s++) ins.run(id, s, s + 2, `["${nikOf(id, s)}"]`, nikOf(id, s), nikOf(id, s));
    db.prepare(`INSERT INTO batch_niks (nik, batch_id, seq) SELECT nik, batch_id, seq FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL`).run(id);
    return id;
  })();
}

function exportBatch(id: number): void {
  const rows = db.prepare('SELECT seq, status FROM row_results WHERE batch_id = ? ORDER BY seq').all(id) as { seq: number; status: string }[];
  const target = join(dataDir, `export-${id}.csv`);
  const tmp = `${target}.tmp`;
  writeFileSync(tmp, ['seq,status', ...rows.map((r) => `${r.seq},${r.status}`), `END ${rows.length}`].join('\n'));
  renameSync(tmp, target);
  db.prepare(`UPDATE batches SET state = 'EXPORTED', exported_at = ? WHERE id = ?`).run(new Date().toISOString(), id);
}

process.stdout.write('READY\n');
let made = 0;
for (;;) {
  const open = db.prepare(`SELECT id, state FROM batches WHERE state <> 'EXPORTED' ORDER BY id LIMIT 1`).get() as { id: number; state: string } | undefined;
  if (open) {
    if (open.state !== 'MATCHED') await matchBatch(db, registry, DEFAULT_SCHEMA_MAPPING, open.id, { operator: 'crash' });
    exportBatch(open.id); // idempotent: a kill between rename and UPDATE just exports again
    continue;
  }
  if (made >= BATCHES) break;
  importBatch();
  made++;
}
db.close();
process.stdout.write('DONE\n');
