// Large libraries that only some commands need, loaded on first use instead of at start:
// playwright-core (~0.4 s) only renders a PDF outside the app, sheetjs-style (~0.2 s) only
// writes workbooks. Imported statically, the CLI and the app's main process paid for both on
// every start (`padan --help` included). A synchronous require keeps the callers synchronous.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A getter that requires `id` the first time it is called. */
export function lazyModule<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= load(id) as T);
}
