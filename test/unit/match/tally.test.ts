// A match run that settles every chunk writes batch_stats from its own tally instead of
// counting the store: the stored counts must be exactly what countBatch finds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBenchWorkbook, generateDemoRegistry } from '../../../electron/demo/index.ts';
import { importFile } from '../../../electron/import/index.ts';
import { resolveAgency } from '../../../electron/match/cli-agency.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { openRegistry } from '../../../electron/registry/open.ts';
import { countBatch } from '../../../electron/stats/counts.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';

const dir = mkdtempSync(join(tmpdir(), 'padan-tally-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('match tally', () => {
  it('batch_stats from the run equals countBatch of the stored rows, byte for byte', async () => {
    const demo = await generateDemoRegistry({ dir, persons: 4000, seed: 3 });
    const book = join(dir, 'agency.xlsx');
    await generateBenchWorkbook({ path: book, rows: 2500, registryPath: demo.path, seed: 3 });
    const db = openStoreDb({ path: join(dir, 'padan.db'), key: 'tally' });
    const { batchId } = await importFile(db, book, { operator: 'uji', purpose: { agencyId: resolveAgency(db, undefined).id, programId: null } });
    const registry = await openRegistry({ kind: 'demo', path: demo.path }, DEFAULT_SCHEMA_MAPPING);
    expect((await matchBatch(db, registry, DEFAULT_SCHEMA_MAPPING, batchId, { operator: 'uji' })).state).toBe('MATCHED');
    await registry.close();
    const c = countBatch(db, batchId);
    const s = db.prepare('SELECT rows, aktif, meninggal, pindah, invalid, belum_diperiksa AS belum, reasons, elements FROM batch_stats WHERE batch_id = ?').get(batchId);
    expect(s).toEqual({
      rows: c.rows, aktif: c.status.AKTIF, meninggal: c.status.MENINGGAL, pindah: c.status.PINDAH, invalid: c.status.INVALID,
      belum: c.status.BELUM_DIPERIKSA, reasons: JSON.stringify(c.reason), elements: JSON.stringify(c.elements),
    });
    expect(Object.keys(c.elements).length).toBeGreaterThan(3);
    db.close();
  }, 120_000);
});
