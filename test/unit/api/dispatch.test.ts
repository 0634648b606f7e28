import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../../electron/api/create-context.ts';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { openStoreDb } from '../../../electron/store/open.ts';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'padan-dispatch-'));
  const db = openStoreDb({ path: join(dir, 'padan.db'), key: 'k' });
  const ctx = createAppContext({
    host: 'cli',
    dataDir: dir,
    db,
    keyProtection: 'env',
    openRegistry: () => Promise.reject(new Error('no registry in this test')),
  });
  return { ctx, dispatch: createDispatch(handlers, ctx, () => {}) };
}

describe('dispatch', () => {
  it('refuses arguments of the wrong shape with BAD_ARGS and an Indonesian message', async () => {
    const { dispatch } = setup();
    const r = await dispatch('app/ping', { text: 42 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_ARGS');
      expect(r.error.message).toMatch(/tidak sesuai/);
      expect(r.error.message).toMatch(/text/);
    }
    const extra = await dispatch('app/ping', { text: 'a', admin: true });
    expect(extra.ok).toBe(false);
  });

  it('answers a valid call inside the envelope', async () => {
    const { dispatch } = setup();
    expect(await dispatch('app/ping', { text: 'halo' })).toEqual({ ok: true, value: { pong: 'halo' } });
  });

  it('refuses unknown channels, including prototype names', async () => {
    const { dispatch } = setup();
    for (const ch of ['app/nope', 'nope/ping', 'app/constructor', '__proto__/toString', 'app']) {
      const r = await dispatch(ch, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('UNKNOWN_CALL');
    }
  });
});
