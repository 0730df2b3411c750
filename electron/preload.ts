// The renderer's only door to the backend: one typed object on window.varvet. It runs sandboxed, so it imports
// nothing but 'electron' (contract types are erased at build time) and never hands out ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { VarvetApi } from '../shared/contract';

// Must equal INVOKE_CHANNEL in security.ts; a test checks it, since a sandboxed preload cannot import that file.
const INVOKE_CHANNEL = 'varvet:invoke';

const api: VarvetApi = {
  invoke: (channel, args) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, args),
};

contextBridge.exposeInMainWorld('varvet', api);
