// Errors a handler throws on purpose: their code and Indonesian message reach the user.
export class PadanError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PadanError';
  }
}

/** Engine errors (StoreError, ImportError, RegistryError, PadanError) all carry code + message. */
export function isUserFacing(err: unknown): err is Error & { code: string } {
  return (
    err instanceof Error &&
    typeof (err as { code?: unknown }).code === 'string' &&
    ['PadanError', 'StoreError', 'ImportError', 'RegistryError', 'ExportError', 'ReportError', 'AuthError'].includes(
      err.name,
    )
  );
}
