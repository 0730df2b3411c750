// Reading the chosen file in the page: the bytes go to the backend as base64, the same in Electron and browser mode.

/** Base64 of a file's bytes, built in chunks so a large file does not overflow the call stack. */
export async function readAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export interface ChosenFile {
  name: string;
  base64: string;
  size: number;
}
