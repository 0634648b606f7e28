// Binds the handler table to ipcMain. Every call checks that it comes from our own
// window's top frame loading our own page, before the dispatcher validates arguments.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels } from '../shared/api/index.ts';
import type { Dispatch } from './api/index.ts';

export function isTrustedSender(event: IpcMainInvokeEvent, allowed: () => WebContents | null): boolean {
  const frame = event.senderFrame;
  const wc = allowed();
  if (!frame || !wc || event.sender !== wc || frame !== wc.mainFrame) return false;
  const url = new URL(frame.url);
  return url.protocol === 'file:' || (process.env.ELECTRON_RENDERER_URL !== undefined && url.origin === new URL(process.env.ELECTRON_RENDERER_URL).origin);
}

export function bindIpc(dispatch: Dispatch, allowed: () => WebContents | null): void {
  for (const channel of channels()) {
    ipcMain.handle(`padan:${channel}`, (event, args: unknown) => {
      if (!isTrustedSender(event, allowed)) {
        return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'Permintaan ditolak: asal tidak dikenal.' } };
      }
      return dispatch(channel, args);
    });
  }
}
