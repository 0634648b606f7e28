// The audit anchor printed on each berita acara (entry id + hash prefix) against a cut or
// rewritten log. Each test says what an anchor detects and what it cannot.
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { appendAudit, checkAnchor, entryHash, verifyAudit, type AuditRow } from '../../../electron/store/audit.ts';
import { makeCtx, openTemp, signInAs } from '../store/helpers.ts';

function store(n: number) {
  const t = openTemp();
  t.db.transaction(() => {
    for (let i = 1; i <= n; i++) appendAudit(t.db, { operator: 'op1', action: 'VIEW', batchId: 1, detail: { i } });
  })();
  return t;
}

// The triggers forbid UPDATE/DELETE; an attacker with the store key could drop them. So do we.
function dropTriggers(db: Database) {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

const hashOf = (db: Database, id: number): string => (db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string }).hash;

/** The anchor as printed on paper: the id and the first 16 hex characters. */
const printed = (db: Database, id: number) => ({ id, hash: hashOf(db, id).slice(0, 16) });

const check = (db: Database, anchor: { id: number; hash: string }) => checkAnchor(db, verifyAudit(db), anchor);

/** A consistent forgery: rewrites entry `from` and recomputes every hash after it, so the chain verifies. */
function rewriteFrom(db: Database, from: number) {
  const rows = db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(from) as AuditRow[];
  let prev = from > 1 ? hashOf(db, from - 1) : '0'.repeat(64);
  const upd = db.prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of rows) {
    const detail = r.id === from ? '{"i":"dipalsukan"}' : r.detail;
    const hash = entryHash({ ...r, detail, prev_hash: prev });
    upd.run(detail, prev, hash, r.id);
    prev = hash;
  }
}

describe('audit anchor: detected', () => {
  it('an intact log matches its anchor (16, 12 or 64 hex characters, any case)', () => {
    const { db } = store(30);
    expect(check(db, printed(db, 30))).toEqual({ id: 30, ok: true, problem: null });
    expect(check(db, { id: 30, hash: hashOf(db, 30).slice(0, 12).toUpperCase() }).ok).toBe(true);
    expect(check(db, { id: 30, hash: hashOf(db, 30) }).ok).toBe(true);
  });

  it('entries appended after printing do not disturb the anchor', () => {
    const { db } = store(30);
    const anchor = printed(db, 30);
    appendAudit(db, { operator: 'op1', action: 'REPORT', batchId: 1 });
    appendAudit(db, { operator: 'op1', action: 'EXPORT', batchId: 1 });
    expect(check(db, anchor).ok).toBe(true);
  });

  it('a tail cut through the anchor: the chain alone still verifies, the anchor does not', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id >= 25').run();
    expect(verifyAudit(db)).toMatchObject({ ok: true, headId: 24 });
    expect(check(db, anchor)).toEqual({
      id: 25,
      ok: false,
      problem: 'Entri #25 tidak ada lagi: log audit telah dipotong atau dihapus sebagian setelah berita acara dicetak.',
    });
  });

  it('the anchor entry alone deleted', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 25').run();
    expect(check(db, anchor)).toMatchObject({ ok: false, problem: expect.stringMatching(/^Entri #25 tidak ada lagi/) });
  });

  it('an entry before the anchor changed (hash left alone): the chain breaks there', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    db.prepare(`UPDATE audit_log SET operator = 'orang-lain' WHERE id = 10`).run();
    expect(check(db, anchor)).toEqual({
      id: 25,
      ok: false,
      problem: 'Rantai log audit terputus pada entri #10, sebelum jangkar #25: log audit telah diubah.',
    });
  });

  it('an entry before the anchor deleted', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(check(db, anchor)).toMatchObject({ ok: false, problem: expect.stringMatching(/entri #3, sebelum jangkar #25/) });
  });

  it('the chain rewritten from before the anchor with every hash recomputed: the chain verifies, the anchor does not', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    rewriteFrom(db, 10);
    expect(verifyAudit(db)).toMatchObject({ ok: true, headId: 30 });
    expect(check(db, anchor)).toEqual({ id: 25, ok: false, problem: 'Sidik entri #25 berbeda: log audit telah diubah.' });
  });

  it('the anchor entry itself rewritten consistently', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    rewriteFrom(db, 25);
    expect(check(db, anchor)).toMatchObject({ ok: false, problem: 'Sidik entri #25 berbeda: log audit telah diubah.' });
  });

  it('a mistyped hash reads as a different hash', () => {
    const { db } = store(5);
    const anchor = printed(db, 5);
    const wrong = { id: 5, hash: (anchor.hash[0] === 'a' ? 'b' : 'a') + anchor.hash.slice(1) };
    expect(check(db, wrong)).toMatchObject({ ok: false, problem: 'Sidik entri #5 berbeda: log audit telah diubah.' });
  });

  it('a change after the anchor that breaks the chain fails the check too (found by the chain, not the anchor)', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    db.prepare(`UPDATE audit_log SET action = 'X' WHERE id = 28`).run();
    expect(check(db, anchor)).toEqual({
      id: 25,
      ok: false,
      problem: 'Entri #25 cocok, tetapi rantai log audit terputus pada entri #28 sesudahnya: log audit telah diubah setelah berita acara dicetak.',
    });
  });

  it('refuses a prefix shorter than 12 hex characters (it could match by chance)', () => {
    const { db } = store(5);
    expect(() => check(db, { id: 5, hash: hashOf(db, 5).slice(0, 11) })).toThrow(RangeError);
    expect(() => check(db, { id: 5, hash: '' })).toThrow(RangeError);
  });
});

describe('audit anchor: NOT detected by that anchor (only a later anchor can show these)', () => {
  it('entries after the anchor cut off', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id > 25').run();
    expect(verifyAudit(db)).toMatchObject({ ok: true, headId: 25 });
    expect(check(db, anchor).ok).toBe(true);
  });

  it('entries after the anchor rewritten with every hash recomputed', () => {
    const { db } = store(30);
    const anchor = printed(db, 25);
    dropTriggers(db);
    rewriteFrom(db, 26);
    expect(check(db, anchor).ok).toBe(true);
  });
});

describe('audit/verify with an anchor (handler and contract)', () => {
  function api(n: number) {
    const t = store(n);
    const ctx = makeCtx(t.db, t.dir);
    signInAs(ctx, 'op1', 'OPERATOR');
    return { db: t.db, call: createDispatch(handlers, ctx, () => {}) };
  }
  const count = (db: Database) => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it('without an anchor: the chain check as before, anchor null, nothing audited', async () => {
    const { db, call } = api(10);
    expect(await call('audit/verify', {})).toEqual({
      ok: true,
      value: { ok: true, checked: 10, brokenAt: null, problem: null, headId: 10, headHash: hashOf(db, 10), anchor: null },
    });
    expect(count(db)).toBe(10);
  });

  it('with an anchor: both results; upper case and surrounding spaces are accepted', async () => {
    const { db, call } = api(10);
    const hash = ` ${hashOf(db, 7).slice(0, 16).toUpperCase()} `;
    expect(await call('audit/verify', { anchorId: 7, anchorHash: hash })).toMatchObject({
      ok: true,
      value: { ok: true, headId: 10, anchor: { id: 7, ok: true, problem: null } },
    });
    expect(await call('audit/verify', { anchorId: 11, anchorHash: hashOf(db, 7).slice(0, 16) })).toMatchObject({
      ok: true,
      value: { ok: true, anchor: { id: 11, ok: false, problem: expect.stringMatching(/^Entri #11 tidak ada lagi/) } },
    });
    expect(count(db)).toBe(10);
  });

  it('rejects a bad anchor with a clear message', async () => {
    const { db, call } = api(3);
    const h = hashOf(db, 3);
    const bad = async (args: unknown) => {
      const r = await call('audit/verify', args);
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
      return (r as { error: { message: string } }).error.message;
    };
    expect(await bad({ anchorId: 3, anchorHash: 'bukan-hex-sama-sekali' })).toContain(
      'anchorHash: sidik harus 12 sampai 64 karakter heksadesimal (0-9, a-f), seperti tercetak di berita acara',
    );
    expect(await bad({ anchorId: 3, anchorHash: h.slice(0, 11) })).toMatch(/12 sampai 64 karakter heksadesimal/);
    expect(await bad({ anchorId: 3, anchorHash: h + 'a' })).toMatch(/12 sampai 64 karakter heksadesimal/);
    expect(await bad({ anchorId: 3 })).toContain('nomor entri dan sidik jangkar harus diisi keduanya');
    expect(await bad({ anchorHash: h.slice(0, 16) })).toContain('harus diisi keduanya');
    expect(await bad({ anchorId: 0, anchorHash: h.slice(0, 16) })).toContain('anchorId: nomor entri mulai dari 1');
    expect(await bad({ anchorId: 1.5, anchorHash: h.slice(0, 16) })).toContain('anchorId: nomor entri harus bilangan bulat');
    expect(await bad({ anchorId: 3, anchorHash: h.slice(0, 16), extra: 1 })).toMatch(/extra/);
  });
});
