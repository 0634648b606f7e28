import type { z } from 'zod';
import { apiSpec } from '../../shared/api/index.ts';
import type { CallDef, Result } from '../../shared/api/define.ts';
import type { AppContext } from './context.ts';
import { isUserFacing } from './errors.ts';
import type { Handlers } from './types.ts';

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'argumen'}: ${i.message}`)
    .join('; ');
}

/**
 * Validates the channel, the caller's access and the arguments (zod) before a handler
 * runs, and turns every outcome into the result envelope. Unknown errors are logged and
 * reported without internals, since they may hold personal data.
 */
export function createDispatch(handlers: Handlers, ctx: AppContext, log: (e: unknown) => void = console.error): Dispatch {
  return async (channel, rawArgs) => {
    const [domain, name] = channel.split('/');
    // Own properties only: "__proto__/toString" must not reach Object.prototype.
    const own = <T,>(o: Record<string, T> | undefined, k: string | undefined): T | undefined =>
      o && k !== undefined && Object.hasOwn(o, k) ? o[k] : undefined;
    const def = own(own(apiSpec as unknown as Record<string, Record<string, CallDef>>, domain), name);
    const handler = def
      ? own(own(handlers as unknown as Record<string, Record<string, Function>>, domain), name)
      : undefined;
    if (!def || !handler) {
      return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Perintah "${channel}" tidak dikenal.` } };
    }
    if (def.access !== 'PUBLIC') {
      if (!ctx.session) {
        return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sesi terkunci atau belum masuk. Silakan masuk kembali.' } };
      }
      if (def.access === 'ADMIN' && ctx.session.role !== 'ADMIN') {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Hanya administrator yang boleh melakukan ini. Minta bantuan administrator.' },
        };
      }
      ctx.session.lastActivityAt = Date.now();
    }
    const parsed = def.args.safeParse(rawArgs);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'BAD_ARGS', message: `Data yang dikirim ke "${channel}" tidak sesuai: ${describeIssues(parsed.error)}.` },
      };
    }
    try {
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (err) {
      if (isUserFacing(err)) return { ok: false, error: { code: err.code, message: err.message } };
      log(err);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Terjadi kesalahan tak terduga. Tidak ada data yang hilang; ulangi, atau hubungi administrator.' },
      };
    }
  };
}
