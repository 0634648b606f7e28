import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EventMap, EventName } from '../../shared/api/events.ts';
import type { Role } from '../../shared/domain.ts';
import type { Registry } from '../registry/types.ts';

export interface Session {
  operator: string;
  displayName: string;
  role: Role;
  signedInAt: string;
  lastActivityAt: number;
}

/** Everything a handler may use. The same context serves the app, the CLI and the bridge. */
export interface AppContext {
  readonly host: 'electron' | 'bridge' | 'cli';
  readonly dataDir: string;
  readonly db: Database;
  readonly keyProtection: 'keyring' | 'basic_text' | 'key_file' | 'env';
  session: Session | null;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** The configured registry, opened on first use and kept open. */
  registry(): Promise<Registry>;
  /** Close and forget the registry, e.g. after its settings changed. */
  resetRegistry(): Promise<void>;
  /**
   * Where a file the user saves goes. The app asks with a save dialog (null: cancelled);
   * the CLI and the bridge write into <dataDir>/ekspor/ under the suggested name.
   */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** HTML to PDF: Electron's printToPDF in the app, headless Chromium elsewhere. */
  renderPdf?: (html: string, outPath: string) => Promise<void>;
  /** Work that outlives one call (matching runs, queue probes) registers its cancel here. */
  readonly tasks: Map<string, AbortController>;
}

export function operatorOf(ctx: AppContext): string {
  return ctx.session?.operator ?? 'sistem';
}
