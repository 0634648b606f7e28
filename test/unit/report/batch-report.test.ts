import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchReportHtml, chromiumPath, writeBatchReportPdf } from '../../../electron/report/index.ts';
import { auditHead, checkAnchor, verifyAudit } from '../../../electron/store/audit.ts';
import { mixedRows, seedBatch, tempStore } from '../export/fixture.ts';

const { db, dir } = tempStore();
let batchId = 0;

beforeAll(() => {
  batchId = seedBatch(db, { rows: mixedRows(120, 7) });
  const ins = db.prepare(
    `INSERT INTO corrections (batch_id, seq, operator, at, kind, before, after, reason_code) VALUES (?, ?, ?, '2024-03-05', ?, '{}', '{}', 'X')`,
  );
  ins.run(batchId, 1, 'andi', 'NIK_CANDIDATE');
  ins.run(batchId, 2, 'andi', 'NIK_CANDIDATE');
  ins.run(batchId, 3, 'sitti', 'ELEMENT_CHOICE');
});

describe('berita acara HTML', () => {
  it('has the title, the purpose, counts per status and corrections per operator', () => {
    const html = batchReportHtml(db, batchId, { operator: 'andi', includeInvalid: true });
    expect(html).toContain('BERITA ACARA PEMADANAN DATA KEPENDUDUKAN');
    expect(html).toContain('PEMERINTAH KOTA PAREPARE');
    expect(html).toContain('400/123/DINSOS/2024');
    expect(html).toContain('Dinas Sosial');
    expect(html).toMatch(/<td>andi<\/td><td>NIK diperbaiki dari kandidat<\/td><td class="n">2<\/td>/);
    expect(html).toContain('Lampiran: Daftar data INVALID');
    expect(html).toContain('NIK tidak ditemukan di SIAK');
    expect(html).not.toMatch(/<script/i);
    const a = db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'REPORT' AND batch_id = ?`).get(batchId) as { n: number };
    expect(a.n).toBe(1);
  });

  it('prints the audit anchor: the entry just before its own REPORT entry, which records it', () => {
    const before = auditHead(db)!;
    const html = batchReportHtml(db, batchId, { operator: 'andi' });
    expect(html).toContain(`Jangkar log audit: entri #${before.id} · <span class="mono">${before.hash.slice(0, 16)}</span>`);
    expect(html).toContain('Cocokkan di menu Audit untuk memastikan log audit tidak diubah atau dipotong sejak berita acara ini dicetak.');
    const own = db.prepare('SELECT id, action, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; action: string; detail: string };
    expect(own).toMatchObject({ id: before.id + 1, action: 'REPORT' });
    expect(JSON.parse(own.detail)).toMatchObject({ format: 'html', anchorId: before.id });
    // What a reader types back from the paper matches the log.
    expect(checkAnchor(db, verifyAudit(db), { id: before.id, hash: before.hash.slice(0, 16) })).toMatchObject({ ok: true });
  });

  it('escapes agency-supplied text', () => {
    db.prepare(`UPDATE batches SET letter_no = '<img src=x onerror=alert(1)>' WHERE id = ?`).run(batchId);
    const html = batchReportHtml(db, batchId, { operator: 'andi' });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    db.prepare(`UPDATE batches SET letter_no = '400/123/DINSOS/2024' WHERE id = ?`).run(batchId);
  });
});

const haveChromium = existsSync(chromiumPath());
if (!haveChromium) {
  console.warn(`[DILEWATI] Uji PDF berita acara: Chromium tidak ada di ${chromiumPath()} (apt-get install chromium atau PADAN_CHROMIUM).`);
}

describe.skipIf(!haveChromium)(`berita acara PDF (Chromium ${chromiumPath()})`, () => {
  it('renders an A4 PDF with pages', async () => {
    const out = process.env.PADAN_REPORT_SAMPLE ?? join(dir, 'ba.pdf');
    const anchorId = auditHead(db)!.id;
    const r = await writeBatchReportPdf(db, batchId, { out, operator: 'andi', includeInvalid: true });
    const own = db.prepare(`SELECT detail FROM audit_log WHERE action = 'REPORT' ORDER BY id DESC LIMIT 1`).get() as { detail: string };
    expect(JSON.parse(own.detail)).toMatchObject({ format: 'pdf', anchorId });
    const buf = readFileSync(out);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.bytes).toBe(buf.length);
    const pages = buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });
});
