// The Inter font files (resources/fonts, OFL) that exports embed, so å/ä/ö are real text in every PDF and picture.
// Found by walking up from this file: the same lookup works from the sources (tsx) and from dist/electron.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const FONT_FILES = {
  regular: 'Inter-Regular.otf',
  semibold: 'Inter-SemiBold.otf',
  bold: 'Inter-Bold.otf',
  italic: 'Inter-Italic.otf',
} as const;
export type FontWeight = keyof typeof FONT_FILES;

let cached: string | null = null;

export function fontsDir(): string {
  if (cached) return cached;
  const candidates = [process.env.VARVET_FONTS ?? ''];
  // Electron sets resourcesPath; packaged builds ship the fonts there, outside the asar (resvg cannot read inside
  // it), so that folder wins over the copy inside the asar that the walk below would find.
  const resources = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof resources === 'string') candidates.push(path.join(resources, 'resources', 'fonts'));
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => c !== '' && fs.existsSync(path.join(c, FONT_FILES.regular)));
  if (!found) throw new AppError('internal', 'Typsnitten för utskrifter saknas (resources/fonts). Installera om Varvet.');
  cached = found;
  return found;
}

export function fontPath(weight: FontWeight): string {
  return path.join(fontsDir(), FONT_FILES[weight]);
}
