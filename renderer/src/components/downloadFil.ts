// Saves a generated document: the backend returns it as base64 with a file name and type, and the renderer offers it
// as a download (browser mode; the same reply serves Electron, where a save dialog can take its place).
import type { ExportFil } from '../../../shared/channels/plan';

export function downloadFil(fil: ExportFil): void {
  const bytes = Uint8Array.from(atob(fil.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: fil.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fil.filnamn;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob only after click() has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
