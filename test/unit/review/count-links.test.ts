// The batch page's count links open Koreksi through its query (issue 5 item 6): each query
// becomes facets that pass exactly the rows the batch page counted.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { listRows } from '../../../electron/review/index.ts';
import { buildFacets, facetCounts, fromList, passes, selectionFromQuery } from '../../../renderer/src/pages/koreksi/model.ts';
import { FakeRegistry, person } from '../match/fake-registry.ts';
import { freshStore, insertBatch } from '../match/store-helpers.ts';

const YUSUF = person({ nik: '7372011205800021', name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12', sex: '1' });
const AMINAH = person({ nik: '7372015205800022', name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: '2' });

describe('Koreksi opened from a batch page count', () => {
  it('filters import findings, duplicates and other batches to the rows counted', async () => {
    const db = freshStore();
    const reg = new FakeRegistry([YUSUF, AMINAH]);
    const id = insertBatch(db, [
      { nik: YUSUF.nik, name: 'MUHAMMAD YUSUF' },
      { nik: YUSUF.nik, name: 'MUHAMMAD YUSUF', duplicateOfRow: 2 },
      { nik: '7372015205800020', nikSuspect: true, name: 'SITTI AMINAH' },
      { nik: AMINAH.nik, name: 'SITTI AMINAH' },
    ]);
    // What the import writes: findings per row, one row with two.
    const flag = db.prepare('UPDATE batch_rows SET flags = ? WHERE batch_id = ? AND seq = ?');
    flag.run('["NIK_GANDA"]', id, 1);
    flag.run('["NIK_CURIGA_EXCEL","TGL_TIDAK_TERBACA"]', id, 2);
    flag.run('["TGL_TIDAK_TERBACA"]', id, 3);
    const other = insertBatch(db, [{ nik: AMINAH.nik }], { agencyId: 902, programId: 902 });
    await matchBatch(db, reg, M, id, { operator: 't' });
    await matchBatch(db, reg, M, other, { operator: 't' });

    const list = listRows(db, id);
    const rows = fromList(list);
    const facets = buildFacets(list.elements);
    const opened = (query: string) => rows.filter((r) => passes(r, facets, selectionFromQuery(new URLSearchParams(query)))).map((r) => r.rowNo);
    expect(opened('flag=NIK_CURIGA_EXCEL')).toEqual([4]);
    expect(opened('flag=TGL_TIDAK_TERBACA')).toEqual([4, 5]);
    expect(opened('flag=NIK_GANDA')).toEqual([3]);
    expect(opened('crossBatch=1')).toEqual([5]);
    expect(opened('reason=RUSAK_EXCEL')).toEqual([4]);
    expect(opened('status=AKTIF')).toEqual([2, 3, 5]);
    expect(opened('')).toEqual([2, 3, 4, 5]);

    // A row with two findings counts under each, as on the batch page.
    const counts = facetCounts(rows, facets, {});
    expect(Object.fromEntries(counts.imp!)).toEqual({ NIK_CURIGA_EXCEL: 1, TGL_TIDAK_TERBACA: 2, NO_FINDING: 2 });
    // With a finding chosen, the other facets count only its rows.
    const chosen = facetCounts(rows, facets, selectionFromQuery(new URLSearchParams('flag=TGL_TIDAK_TERBACA')));
    expect(Object.fromEntries(chosen.status!)).toEqual({ INVALID: 1, AKTIF: 1 });
  });
});
