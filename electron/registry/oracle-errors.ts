// Maps node-oracledb failures to RegistryError BY CODE (err.code 'NJS-503', err.errorNum
// 1017), never by message text: messages change between driver versions and languages.
import { RegistryError, type RegistryErrorCode } from './errors.ts';

export { RegistryError } from './errors.ts';

interface Rule { code: RegistryErrorCode; message: string }

const UNREACHABLE: Rule = {
  code: 'REGISTRY_UNREACHABLE',
  message: 'Server SIAK tidak dapat dihubungi. Periksa alamat host dan port di Pengaturan, kabel/jaringan kantor, dan apakah listener Oracle berjalan.',
};
const TIMEOUT: Rule = {
  code: 'REGISTRY_TIMEOUT',
  message: 'Server SIAK tidak menjawab dalam batas waktu. Periksa jaringan dan beban server; batch akan diantre dan dicoba lagi.',
};
const SERVICE: Rule = {
  code: 'REGISTRY_SERVICE_UNKNOWN',
  message: 'Nama layanan (service name/SID) tidak dikenal oleh listener Oracle. Periksa nama layanan di Pengaturan bersama admin basis data.',
};
const AUTH: Rule = {
  code: 'REGISTRY_AUTH',
  message: 'Nama pengguna atau kata sandi SIAK salah, atau akun terkunci. Periksa kredensial di Pengaturan.',
};
const DROPPED: Rule = {
  code: 'REGISTRY_DROPPED',
  message: 'Sambungan ke server SIAK terputus. Periksa jaringan; batch akan diantre dan dicoba lagi.',
};
const BUSY: Rule = {
  code: 'REGISTRY_BUSY',
  message: 'Semua sambungan ke SIAK sedang dipakai. Tunggu proses lain selesai lalu coba lagi.',
};

/** Driver code -> rule. Keys: 'NJS-nnn' from err.code, 'ORA-nnnnn' from err.errorNum. */
export const ORACLE_ERROR_RULES: ReadonlyMap<string, Rule> = new Map([
  ['NJS-503', UNREACHABLE], // connection to host could not be established
  ['NJS-511', UNREACHABLE], // listener refused
  ['NJS-530', UNREACHABLE], // host name not found
  ['ORA-12541', UNREACHABLE], // no listener
  ['ORA-12543', UNREACHABLE],
  ['NJS-510', TIMEOUT], // connect timeout
  ['NJS-123', TIMEOUT], // call timeout
  ['ORA-03156', TIMEOUT],
  ['ORA-12170', TIMEOUT],
  ['NJS-518', SERVICE],
  ['NJS-519', SERVICE],
  ['ORA-12514', SERVICE],
  ['ORA-12505', SERVICE],
  ['ORA-01017', AUTH], // invalid username/password
  ['ORA-28000', AUTH], // account locked
  ['ORA-01005', AUTH],
  ['NJS-500', DROPPED], // connection closed or broken
  ['NJS-501', DROPPED],
  ['NJS-521', DROPPED], // end of file on the socket
  ['ORA-03113', DROPPED],
  ['ORA-03114', DROPPED],
  ['ORA-03135', DROPPED],
  ['NJS-040', BUSY], // pool queue timeout
]);

interface DriverError { code?: unknown; errorNum?: unknown; isRecoverable?: unknown; message?: unknown }

/** The code the rules are keyed by: 'NJS-503' or 'ORA-01017'. */
export function driverCode(e: unknown): string | null {
  const err = (e ?? {}) as DriverError;
  if (typeof err.code === 'string' && /^(NJS|ORA|DPI)-\d+$/.test(err.code)) return err.code;
  if (typeof err.errorNum === 'number' && err.errorNum > 0) return `ORA-${String(err.errorNum).padStart(5, '0')}`;
  return null;
}

export function mapOracleError(e: unknown): RegistryError {
  if (e instanceof RegistryError) return e;
  const code = driverCode(e);
  const rule = code ? ORACLE_ERROR_RULES.get(code) : undefined;
  if (rule) return new RegistryError(rule.code, rule.message, { cause: e, driverCode: code });
  if ((e as DriverError | null)?.isRecoverable === true) {
    return new RegistryError(DROPPED.code, DROPPED.message, { cause: e, driverCode: code });
  }
  return new RegistryError('REGISTRY_ERROR',
    `Kueri ke SIAK gagal (${code ?? 'galat tak dikenal'}). Periksa pemetaan skema dan hak akses pengguna SIAK; catat kode ini untuk admin basis data.`,
    { cause: e, driverCode: code, retryable: false });
}

/**
 * Runs `work`, retrying only dropped connections (err.isRecoverable or NJS-500) with
 * exponential backoff; unreachable and timeout are not retried here because the engine
 * queues the batch instead of making the operator wait.
 */
export async function withRetry<T>(work: () => Promise<T>, opts: { attempts?: number; baseDelayMs?: number; signal?: AbortSignal } = {}): Promise<T> {
  const attempts = opts.attempts ?? 3;
  const base = opts.baseDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      const mapped = mapOracleError(e);
      if (mapped.code !== 'REGISTRY_DROPPED' || attempt >= attempts || opts.signal?.aborted) throw mapped;
      await new Promise((r) => setTimeout(r, base * 2 ** (attempt - 1)));
    }
  }
}
