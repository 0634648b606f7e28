// The `padan match` / `padan resume` contract as scripts see it: exit codes, ROWS.jsonl and
// SUMMARY.json, and the mapping options. Runs the CLI's main in-process (the routing of
// bin/padan.mjs without the process) on a generated demo sample against the demo registry.
import net from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS, main } from '../../../electron/cli.ts';
import { generateDemoRegistry, generateSampleWorkbooks, type TruthFile } from '../../../electron/demo/index.ts';
import { RegistryError } from '../../../electron/registry/errors.ts';
import { STORE_FILE } from '../../../electron/runtime/index.ts';
import { setSetting } from '../../../electron/store/settings.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { ELEMENT_RESULTS, ELEMENTS, REASONS, STATUSES } from '../../../shared/domain.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';

const KEY = 'cli-contract-key';
const ROW_KEYS = ['candidates', 'duplicateOfRow', 'elements', 'nik', 'nikInput', 'reason', 'row', 'status'];

interface Row {
  row: number; nikInput: string; nik: string | null; status: string; reason: string | null;
  duplicateOfRow: number | null; elements: Record<string, string>; candidates: { nik: string; score: number }[];
}
interface Summary {
  batchId: number; rows: number; status: Record<string, number>; reason: Record<string, number>;
  duplicates: number; rowsWithCandidates: number; timingsMs: Record<string, number>;
}

let dir: string;
let registryPath: string;
let sample: string;
let truth: TruthFile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'padan-cli-contract-'));
  process.env.PADAN_DB_KEY = KEY;
  process.env.PADAN_OPERATOR = 'uji-cli';
  // In <data-dir>/demo, where `--registry demo` looks.
  registryPath = (await generateDemoRegistry({ dir: join(dir, 'data', 'demo'), persons: 3000, seed: 5 })).path;
  mkdirSync(join(dir, 'samples'));
  const { files } = await generateSampleWorkbooks({ dir: join(dir, 'samples'), registryPath, seed: 5 });
  const csv = files.find((f) => f.path.endsWith('.csv'))!; // 500 rows: every status, reason and defect
  sample = csv.path;
  truth = JSON.parse(readFileSync(csv.truthPath, 'utf8')) as TruthFile;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `padan ARGS`; returns the exit code and what went to stdout and stderr. */
async function padan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** `padan match SAMPLE` with ROWS.jsonl and SUMMARY.json in a fresh folder; asserts exit 0. */
async function match(dataDir: string, ...extra: string[]): Promise<{ rows: Row[]; summary: Summary }> {
  const out = mkdtempSync(join(dir, 'out-'));
  const r = await padan('match', sample, '--rows', join(out, 'rows.jsonl'), '--summary', join(out, 'summary.json'), '--data-dir', dataDir, ...extra);
  expect(r.code, r.err).toBe(0);
  return read(out);
}

function read(out: string): { rows: Row[]; summary: Summary } {
  const rows = readFileSync(join(out, 'rows.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  return { rows, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary };
}

const byRow = (rows: Row[]) => new Map(rows.map((r) => [r.row, r]));

/** The generator's expected status/reason (default mapping) next to what the run gave, per row. */
function outcomes(rows: Row[]): { want: string; got: string }[] {
  const got = byRow(rows);
  return truth.rows.map((t) => ({ want: `${t.expected.status}/${t.expected.reason}`, got: `${got.get(t.row)!.status}/${got.get(t.row)!.reason}` }));
}

function storeOf(dataDir: string) {
  return openStoreDb({ path: join(dataDir, STORE_FILE), key: KEY });
}

function batchCount(dataDir: string): number {
  const db = storeOf(dataDir);
  try {
    return db.prepare('SELECT COUNT(*) FROM batches').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('padan match: ROWS.jsonl and SUMMARY.json', () => {
  let rows: Row[];
  let summary: Summary;
  beforeAll(async () => ({ rows, summary } = await match(join(dir, 'data'), '--registry', 'demo')), 60_000);

  it('writes one object per data row, with exactly the documented keys and value domains', () => {
    expect(rows.map((r) => r.row)).toEqual(truth.rows.map((t) => t.row)); // 1-based sheet rows, in file order
    const rowNos = byRow(rows);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(ROW_KEYS);
      expect(Number.isInteger(r.row) && r.row >= 1).toBe(true);
      expect(typeof r.nikInput).toBe('string');
      expect(r.nik === null || /^\d{16}$/.test(r.nik)).toBe(true);
      expect(STATUSES).toContain(r.status);
      expect(r.status).not.toBe('BELUM_DIPERIKSA'); // the run finished: every row was checked
      if (r.reason !== null) expect(REASONS).toContain(r.reason);
      if (r.duplicateOfRow !== null) {
        expect(r.duplicateOfRow).toBeLessThan(r.row);
        expect(rowNos.get(r.duplicateOfRow)?.nik).toBe(r.nik);
      }
      for (const [element, result] of Object.entries(r.elements)) {
        expect(ELEMENTS).toContain(element);
        expect(ELEMENT_RESULTS).toContain(result);
      }
      for (const c of r.candidates) {
        expect(Object.keys(c).sort()).toEqual(['nik', 'score']);
        expect(c.nik).toMatch(/^\d{16}$/);
        expect(c.score >= 0 && c.score <= 1).toBe(true);
      }
    }
    // The sample has every kind of row, so the checks above did not pass on an empty domain.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['AKTIF', 'MENINGGAL', 'PINDAH', 'INVALID']));
    expect(rows.some((r) => r.duplicateOfRow !== null)).toBe(true);
    expect(rows.some((r) => r.candidates.length > 0)).toBe(true);
    expect(rows.some((r) => Object.values(r.elements).includes('MIRIP'))).toBe(true);
  });

  it('gives every row the status and reason the generator planted', () => {
    const wrong = outcomes(rows).filter((o) => o.want !== o.got);
    expect(wrong).toEqual([]);
  });

  it('SUMMARY.json counts add up to the row count and match the ROWS.jsonl tallies, with timings per stage', () => {
    const tally = (key: 'status' | 'reason') => {
      const m: Record<string, number> = {};
      for (const r of rows) if (r[key] !== null) m[r[key]] = (m[r[key]] ?? 0) + 1;
      return m;
    };
    expect(summary.rows).toBe(rows.length);
    expect(Object.values(summary.status).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(summary.status).toEqual(tally('status'));
    expect(summary.reason).toEqual(tally('reason'));
    expect(summary.duplicates).toBe(rows.filter((r) => r.duplicateOfRow !== null).length);
    expect(summary.rowsWithCandidates).toBe(rows.filter((r) => r.candidates.length > 0).length);
    expect(Object.keys(summary.timingsMs).sort()).toEqual(['import', 'match', 'write']);
    for (const ms of Object.values(summary.timingsMs)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});

describe('padan match: exit 2 for bad input, before anything is imported', () => {
  const dataDir = () => join(dir, 'data-bad');
  const reg = () => `sqlite:${registryPath}`;
  beforeAll(() => {
    process.env.PADAN_ORACLE_PASSWORD = 'rahasia'; // so the Oracle form's own checks are reached
  });
  it.each([
    ['a missing file', () => ['match', join(dir, 'tidak-ada.xlsx'), '--registry', reg()], /tidak ditemukan/],
    ['a malformed --map', () => ['match', sample, '--registry', reg(), '--map', 'NIK'], /--map "NIK" tidak sah/],
    ['an unknown registry form', () => ['match', sample, '--registry', 'mysql://siak'], /tidak dikenali.*oracle:\/\//],
    ['an Oracle port out of range', () => ['match', sample, '--registry', 'oracle://padan@127.0.0.1:99999/SIAK'], /port harus 1–65535/],
    ['a bad --status-map', () => ['match', sample, '--registry', reg(), '--status-map', '1=HILANG'], /--status-map "1=HILANG" tidak sah/],
    ['a bad --work-area', () => ['match', sample, '--registry', reg(), '--work-area', '7372'], /--work-area "7372" tidak sah/],
    ['a registry file that is not there', () => ['match', sample, '--registry', `sqlite:${join(dir, 'siak-salah-ketik.sqlite')}`], /siak-salah-ketik\.sqlite" tidak ditemukan/],
  ])('%s', async (_, args, message) => {
    const r = await padan(...args(), '--data-dir', dataDir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('an Oracle registry without PADAN_ORACLE_PASSWORD, and none of the above left a batch behind', async () => {
    delete process.env.PADAN_ORACLE_PASSWORD;
    const r = await padan('match', sample, '--registry', 'oracle://padan@127.0.0.1:1521/SIAK', '--data-dir', dataDir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/PADAN_ORACLE_PASSWORD/);
    // Without the password a wrong address is still named as such.
    const badPort = await padan('match', sample, '--registry', 'oracle://padan@127.0.0.1:99999/SIAK', '--data-dir', dataDir());
    expect(badPort.code).toBe(2);
    expect(badPort.err).toMatch(/port harus 1–65535/);
    expect(batchCount(dataDir())).toBe(0);
  });
});

describe('padan match --registry demo in a data folder without one', () => {
  it('makes the demo registry there first (as the app does at its first start), then matches', async () => {
    const dataDir = join(dir, 'data-fresh');
    process.env.PADAN_DEMO_PERSONS = '300';
    try {
      const out = mkdtempSync(join(dir, 'out-'));
      const r = await padan('match', sample, '--registry', 'demo', '--summary', join(out, 'summary.json'), '--data-dir', dataDir);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/Registri demo belum ada/);
      expect(existsSync(join(dataDir, 'demo', 'registry-demo.sqlite'))).toBe(true);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
      expect(summary.status.BELUM_DIPERIKSA ?? 0).toBe(0);
    } finally {
      delete process.env.PADAN_DEMO_PERSONS;
    }
  }, 60_000);
});

describe('padan match: registry unreachable, then padan resume', () => {
  const dataDir = () => join(dir, 'data-oracle');
  let port: number;
  beforeAll(async () => {
    // A port that was just free: nothing listens on it, so connecting is refused at once.
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    process.env.PADAN_ORACLE_PASSWORD = 'rahasia';
  });

  it('exits 3 with the batch saved, every row unchecked, and the resume command to run', async () => {
    const r = await padan('match', sample, '--registry', `oracle://padan@127.0.0.1:${port}/SIAK`, '--data-dir', dataDir());
    expect(r.code, r.err).toBe(3);
    const batchId = Number(/padan resume (\d+)/.exec(r.err)?.[1]);
    expect(batchId).toBeGreaterThan(0);
    const db = storeOf(dataDir());
    try {
      expect(db.prepare('SELECT state FROM batches WHERE id = ?').pluck().get(batchId)).toBe('QUEUED');
      const statuses = db.prepare('SELECT DISTINCT status FROM row_results WHERE batch_id = ?').pluck().all(batchId);
      expect(statuses).toEqual(['BELUM_DIPERIKSA']); // not checked is never INVALID
    } finally {
      db.close();
    }

    // The saved registry (Oracle) still does not answer: 3 again, nothing lost.
    const again = await padan('resume', String(batchId), '--data-dir', dataDir());
    expect(again.code, again.err).toBe(3);

    // The registry answers now (the demo registry stands in for it; resume takes --registry).
    const out = mkdtempSync(join(dir, 'resume-'));
    const done = await padan('resume', String(batchId), '--registry', `sqlite:${registryPath}`, '--rows', join(out, 'rows.jsonl'),
      '--summary', join(out, 'summary.json'), '--data-dir', dataDir());
    expect(done.code, done.err).toBe(0);
    const { rows, summary } = read(out);
    expect(summary.batchId).toBe(batchId);
    expect(rows.length).toBe(truth.rows.length);
    expect(outcomes(rows).filter((o) => o.want !== o.got)).toEqual([]);
  });
});

describe('padan match: the schema mapping', () => {
  const swapped = { '0': 'AKTIF', '1': 'PINDAH', '2': 'MENINGGAL' } as const;
  /** What the sample's rows should be under a work area off and/or FLAG_STATUS 1 and 2 swapped. */
  /** null: not determined by the truth file (a resident outside 73.72 may well live in 73.71). */
  const expected = (t: TruthFile['rows'][number], o: { areaOff?: boolean; swap?: boolean; area?: string }): string | null => {
    const { status, reason } = t.expected;
    if (o.areaOff && reason === 'DOMISILI_LUAR_WILAYAH') return 'AKTIF/null';
    if (o.area === '73.71' && status === 'AKTIF') return 'PINDAH/DOMISILI_LUAR_WILAYAH';
    if (o.area === '73.71' && reason === 'DOMISILI_LUAR_WILAYAH') return null;
    if (o.swap && reason === null && status === 'MENINGGAL') return 'PINDAH/null';
    if (o.swap && reason === null && status === 'PINDAH') return 'MENINGGAL/null';
    return `${status}/${reason}`;
  };
  const check = (rows: Row[], o: Parameters<typeof expected>[1]) => {
    const got = byRow(rows);
    const wrong = truth.rows.filter((t) => ![null, `${got.get(t.row)!.status}/${got.get(t.row)!.reason}`].includes(expected(t, o)));
    expect(wrong.map((t) => t.row)).toEqual([]);
  };
  const reg = () => `sqlite:${registryPath}`;

  it('--work-area moves the area and --status-map reassigns FLAG_STATUS values', async () => {
    const dataDir = join(dir, 'data-options');
    check((await match(dataDir, '--registry', reg(), '--work-area', '73.71')).rows, { area: '73.71' });
    check((await match(dataDir, '--registry', reg(), '--status-map', '1=PINDAH,2=MENINGGAL')).rows, { swap: true });
    // Only 1 mapped: FLAG_STATUS 2 is now "any other non-zero value", INVALID/NONAKTIF.
    const { rows } = await match(dataDir, '--registry', reg(), '--status-map', '1=MENINGGAL');
    const got = byRow(rows);
    const moved = truth.rows.filter((t) => t.expected.status === 'PINDAH' && t.expected.reason === null);
    expect(moved.length).toBeGreaterThan(0);
    for (const t of moved) expect(`${got.get(t.row)!.status}/${got.get(t.row)!.reason}`).toBe('INVALID/NONAKTIF');
  }, 60_000);

  it('starts from the mapping saved in the store settings, then applies the options on top', async () => {
    const dataDir = join(dir, 'data-saved');
    const db = storeOf(dataDir);
    setSetting(db, 'schemaMapping', { ...DEFAULT_SCHEMA_MAPPING, workArea: '', flagStatus: swapped });
    db.close();
    check((await match(dataDir, '--registry', reg())).rows, { areaOff: true, swap: true });
    check((await match(dataDir, '--registry', reg(), '--status-map', '1=MENINGGAL,2=PINDAH')).rows, { areaOff: true });
    check((await match(dataDir, '--registry', reg(), '--work-area', '73.72', '--status-map', '1=MENINGGAL,2=PINDAH')).rows, {});
  }, 60_000);
});

describe('padan exit codes for registry errors', () => {
  it('3 only for a connection error; another registry error is 1', async () => {
    const thrown = { error: new Error('') };
    COMMANDS['uji-registri'] = { summary: 'uji', run: async () => { throw thrown.error; } };
    try {
      thrown.error = new RegistryError('REGISTRY_TIMEOUT', 'SIAK tidak menjawab dalam 60 detik.');
      expect((await padan('uji-registri', '--data-dir', join(dir, 'data-codes'))).code).toBe(3);
      thrown.error = new RegistryError('REGISTRY_SCHEMA', 'Tabel BIODATA_WNI tidak ada.');
      const schema = await padan('uji-registri', '--data-dir', join(dir, 'data-codes'));
      expect(schema.code).toBe(1);
      expect(schema.err).toMatch(/BIODATA_WNI tidak ada/);
      thrown.error = new RegistryError('REGISTRY_AUTH', 'Kata sandi Oracle ditolak.');
      expect((await padan('uji-registri', '--data-dir', join(dir, 'data-codes'))).code).toBe(1);
    } finally {
      delete COMMANDS['uji-registri'];
    }
  });
});
