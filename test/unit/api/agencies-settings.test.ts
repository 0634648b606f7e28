import { describe, expect, it } from 'vitest';
import type { AgencyInfo, ProgramInfo } from '../../../shared/api/agencies.ts';
import type { AppSettings } from '../../../shared/api/settings.ts';
import { DEFAULT_SCHEMA_MAPPING, type SchemaMapping } from '../../../shared/registry-mapping.ts';
import { apiSetup, auditActions } from './helpers.ts';

describe('agencies API', () => {
  it('lists the seeded agencies and saves allowed elements and retention, audited', async () => {
    const { call, db } = apiSetup();
    const list = await call<AgencyInfo[]>('agencies/list');
    const dinsos = list.find((a) => a.code === 'DINSOS')!;
    expect(dinsos.allowedElements).toEqual([]);
    const saved = await call<AgencyInfo>('agencies/save', {
      id: dinsos.id, name: dinsos.name, code: 'dinsos', contact: 'dinsos@pareparekota.go.id',
      allowedElements: ['TGL_LHR', 'NAMA'], retentionDays: 30,
    });
    expect(saved).toMatchObject({ code: 'DINSOS', allowedElements: ['NAMA', 'TGL_LHR'], retentionDays: 30 });
    expect(auditActions(db).at(-1)!.action).toBe('SETTINGS_CHANGE');
  });

  it('refuses a second agency with the same code in Indonesian', async () => {
    const { dispatch } = apiSetup();
    const r = await dispatch('agencies/save', { name: 'Dinas Baru', code: 'DINSOS', allowedElements: [], retentionDays: 90 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/kode itu sudah ada/);
  });

  it('refuses an unknown element and extra fields', async () => {
    const { dispatch } = apiSetup();
    expect((await dispatch('agencies/save', { name: 'X Dinas', code: 'XD', allowedElements: ['GAJI'], retentionDays: 90 })).ok).toBe(false);
    expect((await dispatch('agencies/list', { all: true })).ok).toBe(false);
  });

  it('adds a program to an agency and lists it for that agency', async () => {
    const { call } = apiSetup();
    const dinkes = (await call<AgencyInfo[]>('agencies/list')).find((a) => a.code === 'DINKES')!;
    const p = await call<ProgramInfo>('agencies/saveProgram', { name: 'Posyandu', code: 'POSY', agencyId: dinkes.id });
    expect(p.agencyName).toBe('Dinas Kesehatan');
    const progs = await call<ProgramInfo[]>('agencies/programs', { agencyId: dinkes.id });
    expect(progs.map((x) => x.code)).toContain('POSY');
    expect(progs.map((x) => x.code)).not.toContain('PKH');
  });

  it('is admin-only for changes', async () => {
    const { ctx, dispatch } = apiSetup();
    ctx.session!.role = 'OPERATOR';
    const r = await dispatch('agencies/save', { name: 'X Dinas', code: 'XD', allowedElements: [], retentionDays: 90 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('settings API', () => {
  it('keeps auto-repair off by default and saves idle lock minutes, audited', async () => {
    const { call, db } = apiSetup();
    expect((await call<AppSettings>('settings/get')).autoRepair).toBe(false);
    const s = await call<AppSettings>('settings/save', { idleLockMinutes: 25 });
    expect(s).toEqual({ idleLockMinutes: 25, autoRepair: false });
    expect(auditActions(db).at(-1)!.action).toBe('SETTINGS_CHANGE');
  });

  it('saves a schema mapping and refuses a malformed work area', async () => {
    const { call, dispatch } = apiSetup();
    expect(await call<SchemaMapping>('settings/getMapping')).toEqual(DEFAULT_SCHEMA_MAPPING);
    const mapping = { ...DEFAULT_SCHEMA_MAPPING, flagStatus: { '0': 'AKTIF', '1': 'MENINGGAL', '2': 'PINDAH', '3': 'MENINGGAL' }, deathTable: 'CAPIL_MATI' };
    expect(await call<SchemaMapping>('settings/saveMapping', { mapping })).toEqual(mapping);
    const bad = await dispatch('settings/saveMapping', { mapping: { ...mapping, workArea: '7372' } });
    expect(bad.ok).toBe(false);
  });
});
