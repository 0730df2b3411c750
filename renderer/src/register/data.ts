// The cached groups, subjects and undervisning of the Register view. Like the pupils and staff in the app store,
// each list is loaded once and then patched with the row every change returns.
import { create } from 'zustand';
import type { Amne, Grupp, Undervisning } from '../../../shared/channels/register';
import { call } from '../api';

interface RegisterData {
  grupper: Grupp[] | null;
  amnen: Amne[] | null;
  undervisning: Undervisning[] | null;
  loadGrupper(): Promise<void>;
  loadAmnen(): Promise<void>;
  loadUndervisning(): Promise<void>;
  upsertGrupp(grupp: Grupp): void;
  upsertAmne(amne: Amne): void;
  upsertUndervisning(u: Undervisning): void;
  removeUndervisning(id: number): void;
}

/** Replaces the row with the same id, or adds it at the end (the user sees the new row where they expect it). */
function upsert<T extends { id: number }>(list: T[] | null, item: T): T[] | null {
  if (list === null) return null;
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export const useRegisterData = create<RegisterData>()((set) => ({
  grupper: null,
  amnen: null,
  undervisning: null,
  async loadGrupper() {
    set({ grupper: await call('grupp:list', {}) });
  },
  async loadAmnen() {
    set({ amnen: await call('amne:list', {}) });
  },
  async loadUndervisning() {
    set({ undervisning: await call('undervisning:list', {}) });
  },
  upsertGrupp: (grupp) => set((s) => ({ grupper: upsert(s.grupper, grupp) })),
  upsertAmne: (amne) => set((s) => ({ amnen: upsert(s.amnen, amne) })),
  upsertUndervisning: (u) => set((s) => ({ undervisning: upsert(s.undervisning, u) })),
  removeUndervisning: (id) => set((s) => ({ undervisning: s.undervisning?.filter((u) => u.id !== id) ?? null })),
}));

/** Loads what a screen needs once; errors go to the screen's alert. */
export function loadOnce(loaded: unknown, load: () => Promise<void>, onError: (e: unknown) => void): void {
  if (loaded === null) load().catch(onError);
}
