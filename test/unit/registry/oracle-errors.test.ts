import { describe, expect, it } from 'vitest';
import { mapOracleError, RegistryError, withRetry } from '../../../electron/registry/oracle-errors.ts';

const cases: [object, string, boolean][] = [
  [{ code: 'NJS-503' }, 'REGISTRY_UNREACHABLE', true],
  [{ code: 'NJS-530' }, 'REGISTRY_UNREACHABLE', true],
  [{ code: 'NJS-510' }, 'REGISTRY_TIMEOUT', true],
  [{ code: 'NJS-123' }, 'REGISTRY_TIMEOUT', true],
  [{ code: 'NJS-518' }, 'REGISTRY_SERVICE_UNKNOWN', false],
  [{ code: 'NJS-519' }, 'REGISTRY_SERVICE_UNKNOWN', false],
  [{ code: 'ORA-01017', errorNum: 1017 }, 'REGISTRY_AUTH', false],
  [{ errorNum: 1017 }, 'REGISTRY_AUTH', false],
  [{ code: 'NJS-500', isRecoverable: true }, 'REGISTRY_DROPPED', true],
  [{ errorNum: 3113 }, 'REGISTRY_DROPPED', true],
  [{ code: 'ORA-99999', errorNum: 99999, isRecoverable: true }, 'REGISTRY_DROPPED', true],
  [{ code: 'NJS-040' }, 'REGISTRY_BUSY', true],
  [{ errorNum: 942 }, 'REGISTRY_ERROR', false],
  [new Error('boom'), 'REGISTRY_ERROR', false],
];

describe('mapOracleError', () => {
  it.each(cases)('%o -> %s', (err, code, retryable) => {
    const e = mapOracleError(Object.assign(new Error('message text is never used'), err));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.message).not.toMatch(/message text/);
    expect(e.message.length).toBeGreaterThan(20);
  });

  it('does not look at message text', () => {
    expect(mapOracleError(new Error('ORA-01017: invalid username/password')).code).toBe('REGISTRY_ERROR');
  });

  it('retries dropped connections with backoff, a limited number of times', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw Object.assign(new Error(), { code: 'NJS-500', isRecoverable: true }); }, { attempts: 3, baseDelayMs: 1 }))
      .rejects.toMatchObject({ code: 'REGISTRY_DROPPED' });
    expect(calls).toBe(3);
    calls = 0;
    expect(await withRetry(async () => { if (++calls < 2) throw Object.assign(new Error(), { code: 'NJS-500' }); return 'ok'; }, { baseDelayMs: 1 })).toBe('ok');
  });

  it('does not retry unreachable or auth', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw Object.assign(new Error(), { code: 'NJS-503' }); }, { baseDelayMs: 1 })).rejects.toMatchObject({ code: 'REGISTRY_UNREACHABLE' });
    expect(calls).toBe(1);
  });
});
