// The one error type registry adapters throw. The matching engine catches codes
// REGISTRY_UNREACHABLE / REGISTRY_TIMEOUT / REGISTRY_DROPPED to queue a batch
// (BELUM_DIPERIKSA, never INVALID: domain.md §1).
export const REGISTRY_ERROR_CODES = [
  'REGISTRY_UNREACHABLE',
  'REGISTRY_TIMEOUT',
  'REGISTRY_SERVICE_UNKNOWN',
  'REGISTRY_AUTH',
  'REGISTRY_DROPPED',
  'REGISTRY_BUSY',
  'REGISTRY_SCHEMA',
  'REGISTRY_ERROR',
] as const;
export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

/** Codes after which the same work may succeed later without a settings change. */
export const RETRYABLE_CODES: ReadonlySet<RegistryErrorCode> = new Set([
  'REGISTRY_UNREACHABLE', 'REGISTRY_TIMEOUT', 'REGISTRY_DROPPED', 'REGISTRY_BUSY',
]);

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly code: RegistryErrorCode;
  readonly retryable: boolean;
  /** The driver's code ('NJS-503', 'ORA-01017', 'SQLITE_CANTOPEN') for logs, never shown alone. */
  readonly driverCode: string | null;

  constructor(code: RegistryErrorCode, message: string, opts: { cause?: unknown; driverCode?: string | null; retryable?: boolean } = {}) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.retryable = opts.retryable ?? RETRYABLE_CODES.has(code);
    this.driverCode = opts.driverCode ?? null;
  }
}

export function isRegistryError(e: unknown): e is RegistryError {
  return e instanceof RegistryError;
}

/** Throws the signal's reason when the caller cancelled (between chunks). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Dibatalkan', 'AbortError');
}
