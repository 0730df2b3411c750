// WCAG 2.1.4: the shortcuts that are one character key (1–5, D, M, N, S, ?, / …) and act wherever the focus is can be
// turned off in Inställningar. A preference of this computer (not of the school), so it is kept in localStorage; it
// holds nothing about pupils. On by default: the meeting's keys stay as they are unless someone turns them off.
import { create } from 'zustand';

const KEY = 'varvet:enkla-kortkommandon';

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'av';
  } catch {
    return true;
  }
}

export const useEnkelTangent = create<{ pa: boolean; set(pa: boolean): void }>((set) => ({
  pa: read(),
  set(pa) {
    try {
      window.localStorage.setItem(KEY, pa ? 'pa' : 'av');
    } catch {
      // Private mode or full storage: the choice holds for this session only.
    }
    set({ pa });
  },
}));

/** True when a key press is a single character key (no Ctrl, Alt or Meta) and those shortcuts are turned off. */
export function enkelTangentAv(e: KeyboardEvent | { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): boolean {
  if (useEnkelTangent.getState().pa) return false;
  return e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey;
}
