// The preload exposes exactly one object, window.padan, typed by the API contract.
// Never ipcRenderer itself, never a generic invoke(channel).
import { contextBridge, ipcRenderer } from 'electron';
import { makeClient, type PadanApi } from '../shared/api/index.ts';
import type { Result } from '../shared/api/define.ts';

const padan = makeClient(
  (channel, args) => ipcRenderer.invoke(`padan:${channel}`, args) as Promise<Result<unknown>>,
  (listener) => {
    const handler = (_e: unknown, msg: { event: string; payload: unknown }) => listener(msg.event, msg.payload);
    ipcRenderer.on('padan:event', handler);
    return () => ipcRenderer.off('padan:event', handler);
  },
) satisfies PadanApi;

contextBridge.exposeInMainWorld('padan', padan);
