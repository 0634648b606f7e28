// The REAL node-oracledb driver (Thin) against local TCP stubs: no Oracle server needed.
// Each failure must map to its RegistryError within its timeout; none may hang.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { OracleRegistry } from '../../../electron/registry/oracle.ts';
import { RegistryError } from '../../../electron/registry/oracle-errors.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterAll(() => {
  sockets.forEach((s) => s.destroy());
  servers.forEach((s) => s.close());
});

async function stub(onConnection: (s: net.Socket) => void): Promise<number> {
  const srv = net.createServer((s) => { sockets.push(s); onConnection(s); });
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return (srv.address() as net.AddressInfo).port;
}

async function openAt(port: number): Promise<{ error: RegistryError; millis: number }> {
  const t = performance.now();
  try {
    await OracleRegistry.open({ host: '127.0.0.1', port, serviceName: 'FREEPDB1', user: 'padan', password: 'x' },
      DEFAULT_SCHEMA_MAPPING, { connectTimeoutSec: 2, callTimeoutMs: 2000, queueTimeoutMs: 4000, retryBaseDelayMs: 20 });
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    return { error: e as RegistryError, millis: performance.now() - t };
  }
  throw new Error('open should have failed');
}

describe('Oracle adapter failures against TCP stubs', () => {
  it('closed port: REGISTRY_UNREACHABLE, quickly', async () => {
    const port = await stub(() => undefined);
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    const { error, millis } = await openAt(port);
    expect(error.code).toBe('REGISTRY_UNREACHABLE');
    expect(error.driverCode).toBe('NJS-503');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/tidak dapat dihubungi/);
    expect(millis).toBeLessThan(2000);
  });

  it('silent listener: REGISTRY_TIMEOUT after the 2 s connect timeout', async () => {
    const port = await stub(() => undefined);
    const { error, millis } = await openAt(port);
    expect(error.code).toBe('REGISTRY_TIMEOUT');
    expect(error.driverCode).toBe('NJS-510');
    expect(millis).toBeGreaterThan(1500);
    expect(millis).toBeLessThan(8000);
  });

  it('closes mid-handshake: REGISTRY_DROPPED after limited retries', async () => {
    let connections = 0;
    const port = await stub((s) => { connections++; s.once('data', () => s.destroy()); });
    const { error, millis } = await openAt(port);
    expect(error.code).toBe('REGISTRY_DROPPED');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/terputus/);
    expect(connections).toBeGreaterThanOrEqual(2); // retried
    expect(connections).toBeLessThanOrEqual(3); // but not forever
    expect(millis).toBeLessThan(5000);
  });

  it('closes right after accept: REGISTRY_DROPPED', async () => {
    const port = await stub((s) => s.destroy());
    const { error } = await openAt(port);
    expect(error.code).toBe('REGISTRY_DROPPED');
  });
});
