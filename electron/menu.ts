// The Swedish application menu as a plain template, so a test can check it without Electron. Standard roles do
// the work; developer tools and reload exist only in development.
import type { MenuItemConstructorOptions } from 'electron';

export const HELP_URL = 'https://www.skolverket.se/';

export interface MenuOptions {
  isMac: boolean;
  /** Unpackaged run (npm start); adds reload and developer tools under Visa. */
  isDev: boolean;
  /** Opens a link through the allow-list (security.ts openExternalIfAllowed). */
  openExternal: (url: string) => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev } = options;
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Varvet',
          submenu: [
            { role: 'about', label: 'Om Varvet' },
            { type: 'separator' },
            { role: 'hide', label: 'Göm Varvet' },
            { role: 'hideOthers', label: 'Göm övriga' },
            { role: 'unhide', label: 'Visa alla' },
            { type: 'separator' },
            { role: 'quit', label: 'Avsluta Varvet' },
          ],
        },
      ]
    : [];

  const arkiv: MenuItemConstructorOptions = {
    label: 'Arkiv',
    submenu: isMac ? [{ role: 'close', label: 'Stäng fönster' }] : [{ role: 'quit', label: 'Avsluta' }],
  };

  const redigera: MenuItemConstructorOptions = {
    label: 'Redigera',
    submenu: [
      { role: 'undo', label: 'Ångra' },
      { role: 'redo', label: 'Gör om' },
      { type: 'separator' },
      { role: 'cut', label: 'Klipp ut' },
      { role: 'copy', label: 'Kopiera' },
      { role: 'paste', label: 'Klistra in' },
      { role: 'selectAll', label: 'Markera allt' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload', label: 'Läs in igen' },
        { role: 'toggleDevTools', label: 'Utvecklarverktyg' },
        { type: 'separator' },
      ]
    : [];
  const visa: MenuItemConstructorOptions = {
    label: 'Visa',
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: 'Normal storlek' },
      { role: 'zoomIn', label: 'Zooma in' },
      { role: 'zoomOut', label: 'Zooma ut' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Helskärm' },
    ],
  };

  const fonster: MenuItemConstructorOptions = {
    label: 'Fönster',
    submenu: [
      { role: 'minimize', label: 'Minimera' },
      { role: 'zoom', label: 'Zooma' },
      ...(isMac ? [{ type: 'separator' as const }, { role: 'front' as const, label: 'Lägg alla överst' }] : []),
      ...(isMac ? [] : [{ role: 'close' as const, label: 'Stäng fönster' }]),
    ],
  };

  const hjalp: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Hjälp',
    submenu: [
      { label: 'Skolverkets webbplats', click: () => options.openExternal(HELP_URL) },
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const, label: 'Om Varvet' }]),
    ],
  };

  return [...appMenu, arkiv, redigera, visa, fonster, hjalp];
}
