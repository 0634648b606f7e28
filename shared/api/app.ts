import { z } from 'zod';
import { call } from './define.ts';

export interface AppInfo {
  name: string;
  version: string;
  /** Where the API is served from: the Electron app, or the loopback test bridge. */
  host: 'electron' | 'bridge' | 'cli';
  dataDir: string;
  /** How the store key is protected: OS keyring, Electron's basic_text fallback, or env/key file. */
  keyProtection: 'keyring' | 'basic_text' | 'key_file' | 'env';
  registryLabel: string | null;
  storeEncrypted: boolean;
}

export const appCalls = {
  info: call<AppInfo>()(z.object({}).strict(), 'PUBLIC'),
  /**
   * Where to save a file leaving Padan: the app shows a save dialog (null when cancelled);
   * the CLI and the test bridge answer a path in the data folder's ekspor/ subfolder.
   */
  chooseSavePath: call<{ path: string | null }>()(
    z.object({ suggestedName: z.string().min(1).max(200).regex(/^[^\\/:*?"<>|]+$/, 'nama berkas tanpa folder') }).strict(),
    'SIGNED_IN',
  ),
  /** Echo for contract tests: refuses anything but {text: string (1..200)}. */
  ping: call<{ pong: string }>()(z.object({ text: z.string().min(1).max(200) }).strict(), 'PUBLIC'),
};
