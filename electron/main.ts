// Electron main process: one hardened window, the store key kept with safeStorage, the
// engine bound to IPC. Everything else lives in the engine folders, which run under plain
// Node too (CLI, tests, bridge).
import { app, BrowserWindow, dialog, safeStorage, session, shell } from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindIpc } from './ipc.ts';
import { resolveCliKey } from './store/key.ts';
import { renderPdfInElectron } from './print.ts';
import { openRuntime, type Runtime } from './runtime/index.ts';
import type { SecretBox } from './runtime/registry-config.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;
let runtime: Runtime | null = null;

/** The store key, created once and kept encrypted by the OS keyring through safeStorage. */
function storeKey(dataDir: string): { key: string; protection: 'keyring' | 'basic_text' | 'key_file' } {
  // No encryption service at all (rare: a Linux session without any keyring): fall back to
  // the 0600 key file the CLI uses, and the settings screen says so.
  if (!safeStorage.isEncryptionAvailable()) return { key: resolveCliKey(dataDir), protection: 'key_file' };
  const file = join(dataDir, 'padan.key.enc');
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'keyring';
  const protection = backend === 'basic_text' ? 'basic_text' : 'keyring';
  if (existsSync(file)) return { key: safeStorage.decryptString(readFileSync(file)), protection };
  const key = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return { key, protection };
}

// Without an encryption service the Oracle password rests only inside the encrypted store.
const safeBox: SecretBox = {
  seal: (s) => (safeStorage.isEncryptionAvailable() ? 'ss:' + safeStorage.encryptString(s).toString('base64') : 'pl:' + s),
  open: (s) => (s.startsWith('ss:') ? safeStorage.decryptString(Buffer.from(s.slice(3), 'base64')) : s.slice(3)),
};

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1100,
    minHeight: 640,
    title: 'Padan',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(here, '../renderer/index.html'));
}

function harden(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

// Dates day first everywhere (domain.md §4): Chromium draws date fields in the app's locale,
// which otherwise follows the Windows display language (mm/dd/yyyy on an English Windows).
// Electron documents --lang as the way to set it. Not verifiable here (no Electron binary);
// headless Chromium in the e2e specs ignores both --lang and LANGUAGE for date fields.
app.commandLine.appendSwitch('lang', 'id');

if (!app.requestSingleInstanceLock()) {
  // A second start focuses the first window instead of opening the store twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(() => {
    harden();
    const dataDir = process.env.PADAN_DATA_DIR ?? app.getPath('userData');
    const { key, protection } = storeKey(dataDir);
    runtime = openRuntime({
      host: 'electron',
      dataDir,
      key,
      keyProtection: protection,
      secretBox: safeBox,
      // Files leave the office only where the operator chooses.
      chooseSavePath: async (suggestedName) => {
        const r = await dialog.showSaveDialog(win!, { defaultPath: join(app.getPath('documents'), suggestedName) });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      renderPdf: renderPdfInElectron,
      onEvent: (event, payload) => win?.webContents.send('padan:event', { event, payload }),
    });
    bindIpc(runtime.dispatch, () => win?.webContents ?? null);
    createWindow();
    // First start: open the registry now, which creates the demo registry if none is configured.
    void runtime.ctx.registry().catch(() => undefined);
  });
  app.on('window-all-closed', () => {
    void runtime?.close().finally(() => app.quit());
  });
}
