// Worker entry for runInWorker (worker-host.ts). A .ts module cannot be a worker's entry
// under plain Node, so from source this registers tsx first; built .js entries load as is.
// Protocol: the entry's default export is `async (input) => output`; the input comes in
// workerData.input, or, for a prewarmed worker (no input yet), as the first message. The
// answer is posted once as { ok: true, value } or { ok: false, error: { name, message, code } }.
import { parentPort, workerData } from 'node:worker_threads';

try {
  if (workerData.entry.endsWith('.ts')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const mod = await import(workerData.entry);
  const input = workerData.prewarm
    ? await new Promise((resolve) => parentPort.once('message', resolve))
    : workerData.input;
  const value = await mod.default(input);
  parentPort.postMessage({ ok: true, value });
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  parentPort.postMessage({
    ok: false,
    error: { name: e.name, message: e.message, code: typeof e.code === 'string' ? e.code : null, data: e.data ?? null },
  });
}
