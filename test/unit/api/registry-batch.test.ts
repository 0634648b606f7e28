import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { BatchDetail, BatchListItem } from '../../../shared/api/batch.ts';
import type { RegistrySettingsInfo, RegistryTestResult } from '../../../shared/api/registry.ts';
import { FakeRegistry, person } from '../match/fake-registry.ts';
import { insertBatch } from '../match/store-helpers.ts';
import { apiSetup, auditActions } from './helpers.ts';

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('registry API', () => {
  it('never returns the Oracle password and audits the change without it', async () => {
    const { call, db } = apiSetup();
    const saved = await call<RegistrySettingsInfo>('registry/save', {
      kind: 'oracle', host: '10.0.0.5', port: 1521, serviceName: 'SIAK', user: 'padan_ro', password: 'rahasia-sekali',
    });
    expect(saved).toEqual({ kind: 'oracle', host: '10.0.0.5', port: 1521, serviceName: 'SIAK', user: 'padan_ro', hasPassword: true });
    expect(JSON.stringify(await call('registry/get'))).not.toContain('rahasia');
    const audit = auditActions(db).at(-1)!;
    expect(audit.action).toBe('SETTINGS_CHANGE');
    expect(audit.detail).not.toContain('rahasia');
  });

  it('test connection to a closed Oracle port gives the Indonesian message, not an exception', async () => {
    const { call } = apiSetup();
    const port = await closedPort();
    const r = await call<RegistryTestResult>('registry/test', {
      settings: { kind: 'oracle', host: '127.0.0.1', port, serviceName: 'SIAK', user: 'u', password: 'p' },
    });
    expect(r.ok).toBe(false);
    expect(r.code).toBe('REGISTRY_UNREACHABLE');
    expect(r.message).toMatch(/SIAK|server|jaringan|dihubungi/i);
  }, 20_000);
});

describe('batch API: list and matching in the background', () => {
  const nikA = '7372011205800001';
  const nikB = '7372015306850002';

  it('matches a batch, reports progress events and shows counts in list and detail', async () => {
    const reg = new FakeRegistry([person({ nik: nikA, name: 'ANDI BASO' }), person({ nik: nikB, flagStatus: '1' })]);
    const { call, db, events } = apiSetup(async () => reg);
    const id = insertBatch(db, [{ nik: nikA, name: 'ANDI BASO' }, { nik: nikB }, { nik: null }], { agencyId: 901, programId: 901 });
    const started = await call<BatchListItem>('batch/match', { batchId: id });
    expect(['MATCHING', 'MATCHED']).toContain(started.state);
    const done = await until(() => call<BatchListItem[]>('batch/list', {}), (l) => l.find((b) => b.id === id)?.state === 'MATCHED');
    const b = done.find((x) => x.id === id)!;
    expect(b.counts).toMatchObject({ AKTIF: 1, MENINGGAL: 1, INVALID: 1 });
    expect(b.agencyName).toBe('Uji Dinas A');
    const detail = await call<BatchDetail>('batch/get', { batchId: id });
    expect(detail.reasons).toMatchObject({ KOSONG: 1 });
    expect(events.some((e) => e.event === 'match/progress' && (e.payload as { state: string }).state === 'MATCHED')).toBe(true);
    expect((await call<BatchListItem[]>('batch/list', { search: 'Uji Dinas B' })).length).toBe(0);
    expect((await call<BatchListItem[]>('batch/list', { state: 'MATCHED', agencyId: 901 })).map((x) => x.id)).toContain(id);
  });

  it('queues a batch when the registry cannot be reached: BELUM_DIPERIKSA, never INVALID', async () => {
    const unreachable = Object.assign(new Error('SIAK tidak dapat dihubungi.'), { code: 'REGISTRY_UNREACHABLE', retryable: true });
    const { call, db, events } = apiSetup(() => Promise.reject(unreachable));
    const id = insertBatch(db, [{ nik: nikA }, { nik: nikB }]);
    await call('batch/match', { batchId: id });
    const list = await until(() => call<BatchListItem[]>('batch/list', {}), (l) => l[0]?.state === 'QUEUED');
    expect(list[0]!.state).toBe('QUEUED');
    expect(list[0]!.queue?.position).toBe(1);
    expect(list[0]!.counts.BELUM_DIPERIKSA).toBe(2);
    expect(list[0]!.counts.INVALID).toBe(0);
    const state = await call<{ online: boolean; queued: number }>('registry/state');
    expect(state).toMatchObject({ online: false, queued: 1 });
    expect(events.some((e) => e.event === 'registry/state')).toBe(true);
    const cancelled = await call<BatchListItem>('batch/cancel', { batchId: id });
    expect(cancelled.state).toBe('IMPORTED');
    expect(cancelled.queue).toBeNull();
  });

  it('resumes a batch a crash left MATCHING when the service starts', async () => {
    const reg = new FakeRegistry([person({ nik: nikA })]);
    const { call, db } = apiSetup(async () => reg);
    const id = insertBatch(db, [{ nik: nikA }, { nik: nikB }]);
    db.prepare(`UPDATE batches SET state = 'MATCHING' WHERE id = ?`).run(id);
    // The first call creates the context's match service, which picks the batch up.
    const list = await until(() => call<BatchListItem[]>('batch/list', {}), (l) => l[0]?.state === 'MATCHED');
    expect(list[0]!.state).toBe('MATCHED');
    expect(list[0]!.counts).toMatchObject({ AKTIF: 1, INVALID: 1, BELUM_DIPERIKSA: 0 });
  });

  it('deletes a batch without corrections (admin), audited with the reason', async () => {
    const { call, db, dispatch } = apiSetup();
    const id = insertBatch(db, [{ nik: nikA }]);
    expect((await dispatch('batch/delete', { batchId: id })).ok).toBe(false);
    await call('batch/delete', { batchId: id, reason: 'salah unggah' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM batch_rows WHERE batch_id = ?').get(id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM batch_niks WHERE batch_id = ?').get(id)).toEqual({ n: 0 });
    expect(auditActions(db).at(-1)).toMatchObject({ action: 'DELETE_BATCH' });
  });
});
