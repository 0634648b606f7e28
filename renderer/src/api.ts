// window.padan comes from the preload in the app. In a plain browser served by the
// loopback test bridge there is no preload, so the same contract is bound over HTTP.
import { makeClient, type PadanApi } from '../../shared/api/index.ts';
import type { Result } from '../../shared/api/define.ts';

declare global {
  interface Window {
    padan?: PadanApi;
  }
}

function bridgeClient(): PadanApi {
  const invoke = async (channel: string, args: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'BRIDGE_DOWN', message: 'Layanan Padan tidak menjawab. Muat ulang halaman.' } };
    }
  };
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  const subscribe = (listener: (event: string, payload: unknown) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/__events');
      source.onmessage = (m) => {
        const { event, payload } = JSON.parse(m.data as string) as { event: string; payload: unknown };
        for (const l of listeners) l(event, payload);
      };
    }
    return () => listeners.delete(listener);
  };
  return makeClient(invoke, subscribe);
}

export const padan: PadanApi = window.padan ?? bridgeClient();

/** Unwraps a result or throws an Error whose message is the Indonesian one from the engine. */
export async function unwrap<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) {
    const err = new Error(r.error.message);
    (err as Error & { code?: string }).code = r.error.code;
    throw err;
  }
  return r.value;
}
