import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiSpec } from '../../../shared/api/index.ts';

const exposed: { key: string; value: unknown }[] = [];
const invoked: { channel: string; args: unknown }[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push({ key, value }) },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) => {
      invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    on: vi.fn(),
    off: vi.fn(),
  },
}));

describe('preload', () => {
  beforeEach(() => {
    exposed.length = 0;
    invoked.length = 0;
  });

  it('exposes exactly one object, window.padan, holding only the API domains and on()', async () => {
    vi.resetModules();
    await import('../../../electron/preload.ts');
    expect(exposed.map((e) => e.key)).toEqual(['padan']);
    const padan = exposed[0]!.value as Record<string, unknown>;
    expect(Object.keys(padan).sort()).toEqual([...Object.keys(apiSpec), 'on'].sort());
    expect(Object.isFrozen(padan)).toBe(true);
    for (const [domain, calls] of Object.entries(apiSpec)) {
      const methods = padan[domain] as Record<string, unknown>;
      expect(Object.keys(methods).sort()).toEqual(Object.keys(calls).sort());
      for (const m of Object.values(methods)) expect(typeof m).toBe('function');
    }
    // Nothing that looks like a raw IPC handle leaks through.
    expect(JSON.stringify(Object.keys(padan))).not.toMatch(/ipc|invoke|send/i);
  });

  it('routes a call to its own prefixed channel only', async () => {
    vi.resetModules();
    await import('../../../electron/preload.ts');
    const padan = exposed[0]!.value as { app: { ping: (a: unknown) => Promise<unknown> } };
    await padan.app.ping({ text: 'x' });
    expect(invoked).toEqual([{ channel: 'padan:app/ping', args: { text: 'x' } }]);
  });
});
