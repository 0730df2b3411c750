// App state: where the user is (phase and view), the open school, the pupil register cache and the status line.
// Navigation is a typed view in this store, mirrored into history so the browser's back button and a reload work.
import { create } from 'zustand';
import type { Elev, Personal, Skola } from '../../shared/model';
import { ApiError, call, errorText, isElectron } from './api';
import { lokal } from './lokalLagring';
import { readToken } from './token';

/**
 * Opens the encrypted local drafts (lokalLagring.ts) with the key from the database. A failure leaves them in memory
 * only: the screens work, and a crash would lose what the backend has not confirmed yet.
 */
export async function oppnaLokalLagring(nyckel?: Promise<{ nyckel: string }>): Promise<void> {
  try {
    await lokal.open((await (nyckel ?? call('lokal:nyckel', {}))).nyckel);
  } catch (error) {
    console.warn('Lokala utkast kunde inte öppnas:', errorText(error));
  }
}

export type View =
  | { name: 'oversikt' }
  | { name: 'elever' }
  | { name: 'elev'; elevId: number }
  | { name: 'register'; flik: RegisterFlik }
  | { name: 'forberedelse'; flik: ForberedelseFlik }
  | { name: 'import' }
  | { name: 'uppfoljning'; flik: UppfoljningFlik }
  | { name: 'moten' }
  | { name: 'mote'; moteId: number; sektion?: 'utredningar' }
  | { name: 'mote-summering'; moteId: number }
  | { name: 'elevhistorik'; elevId: number }
  | { name: 'sakerhetskopior' }
  | { name: 'las' }
  | { name: 'logg'; flik: LoggFlik };

/** The tabs of Logg och gallring (issue 8): the audit log and the removal of data about pupils who left. */
export const LOGG_FLIKAR = ['logg', 'gallring'] as const;
export type LoggFlik = (typeof LOGG_FLIKAR)[number];

/** The tabs of Uppföljning (ledarhandling 5, 7 and 8, and the reports that leave the app). */
export const UPPFOLJNING_FLIKAR = ['resultatdialog', 'avstamning', 'arsavslut', 'rapporter'] as const;
export type UppfoljningFlik = (typeof UPPFOLJNING_FLIKAR)[number];

/** The tabs of Förberedelse (ledarhandling 1–3 and the plan's versions). */
export const FORBEREDELSE_FLIKAR = ['inventering', 'ideer', 'plan', 'versioner', 'aterkoppling', 'export'] as const;
export type ForberedelseFlik = (typeof FORBEREDELSE_FLIKAR)[number];

/** The tabs of the Register view. */
export const REGISTER_FLIKAR = ['personal', 'grupper', 'undervisning', 'amnen'] as const;
export type RegisterFlik = (typeof REGISTER_FLIKAR)[number];

/** Pupils sorted as the lists show them: by efternamn, then förnamn, in Swedish order (Å Ä Ö last). */
const NAMN_ORDNING = new Intl.Collator('sv');
export function byNamn(a: Elev | Personal, b: Elev | Personal): number {
  return NAMN_ORDNING.compare(a.efternamn, b.efternamn) || NAMN_ORDNING.compare(a.fornamn, b.fornamn) || a.id - b.id;
}
function upsertSorted<T extends Elev | Personal>(list: T[] | null, item: T, keep: boolean): T[] | null {
  if (list === null) return null;
  const others = list.filter((x) => x.id !== item.id);
  return keep ? [...others, item].sort(byNamn) : others;
}

export type Phase =
  | { name: 'starting' }
  | { name: 'no-token'; invalid: boolean }
  | { name: 'failed'; message: string; corrupt?: boolean }
  | { name: 'welcome' }
  | { name: 'ready' }
  /** Encrypted and locked: only the unlock screen (LasPage) is shown. */
  | { name: 'locked' }
  /** A new school is open but its data not yet protected: the passphrase set-up (LasSkyddaPage). */
  | { name: 'protect'; skola: Skola; announce: string };

export interface Status {
  text: string;
  tone: 'info' | 'error';
  /** Changes on every announcement so the same text twice is still read out. */
  seq: number;
}

interface AppState {
  phase: Phase;
  skola: Skola | null;
  view: View;
  status: Status | null;
  elever: Elev[] | null;
  /** Pupils who have left; loaded only when the user asks to see them. */
  eleverSlutat: Elev[] | null;
  personal: Personal[] | null;
  /** Kept here so that returning from a pupil finds the list as it was left. */
  eleverQuery: string;
  eleverActiveId: number | null;
  /** Bumped to ask the pupil list to focus its search box (Ctrl+F, "/"). */
  searchRequest: number;
  /** Forms with text not yet saved; leaving the screen asks first, so nothing typed in a meeting is lost. */
  unsavedForms: string[];
  start(): Promise<void>;
  enterSchool(skola: Skola): void;
  navigate(view: View): void;
  announce(text: string, tone?: Status['tone']): void;
  loadElever(): Promise<void>;
  loadPersonal(): Promise<void>;
  loadEleverSlutat(): Promise<void>;
  /** Puts a pupil or person the backend returned after a change into the cached lists, without reloading them. */
  upsertElev(elev: Elev): void;
  upsertPersonal(person: Personal): void;
  setEleverQuery(query: string): void;
  setEleverActiveId(id: number | null): void;
  requestSearch(): void;
  setUnsaved(form: string, unsaved: boolean): void;
}

const LEAVE_QUESTION = 'Det finns text som inte är sparad. Vill du lämna sidan ändå? Texten försvinner då.';

function isView(value: unknown): value is View {
  if (typeof value !== 'object' || value === null || !('name' in value)) return false;
  if (value.name === 'oversikt' || value.name === 'elever' || value.name === 'import') return true;
  if (value.name === 'moten' || value.name === 'sakerhetskopior' || value.name === 'las') return true;
  if (value.name === 'mote' || value.name === 'mote-summering') return 'moteId' in value && typeof value.moteId === 'number';
  if (value.name === 'elevhistorik') return 'elevId' in value && typeof value.elevId === 'number';
  if (value.name === 'forberedelse') {
    return 'flik' in value && (FORBEREDELSE_FLIKAR as readonly unknown[]).includes(value.flik);
  }
  if (value.name === 'uppfoljning') {
    return 'flik' in value && (UPPFOLJNING_FLIKAR as readonly unknown[]).includes(value.flik);
  }
  if (value.name === 'logg') return 'flik' in value && (LOGG_FLIKAR as readonly unknown[]).includes(value.flik);
  if (value.name === 'register') {
    return 'flik' in value && (REGISTER_FLIKAR as readonly unknown[]).includes(value.flik);
  }
  return value.name === 'elev' && 'elevId' in value && typeof value.elevId === 'number';
}

function viewFromHistory(): View {
  const state: unknown = history.state;
  if (typeof state === 'object' && state !== null && 'view' in state && isView(state.view)) return state.view;
  return { name: 'oversikt' };
}

export const useApp = create<AppState>()((set, get) => ({
  phase: { name: 'starting' },
  skola: null,
  view: { name: 'oversikt' },
  status: null,
  elever: null,
  eleverSlutat: null,
  personal: null,
  eleverQuery: '',
  eleverActiveId: null,
  searchRequest: 0,
  unsavedForms: [],

  async start() {
    if (!isElectron() && !readToken()) {
      set({ phase: { name: 'no-token', invalid: false } });
      return;
    }
    set({ phase: { name: 'starting' } });
    try {
      // Asked for together (one round trip less before the first screen); the key is refused while locked.
      const nyckel = call('lokal:nyckel', {});
      nyckel.catch(() => undefined);
      const skola = await call('skola:get', {});
      if (skola) {
        // Drafts are read before the first screen, so a screen that restores one finds it.
        await oppnaLokalLagring(nyckel);
        const view = viewFromHistory();
        history.replaceState({ view }, '');
        set({ skola, view, phase: { name: 'ready' } });
      } else {
        set({ phase: { name: 'welcome' } });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'locked') {
        set({ phase: { name: 'locked' } });
      } else if (error instanceof ApiError && error.code === 'unauthorized') {
        set({ phase: { name: 'no-token', invalid: true } });
      } else {
        set({ phase: { name: 'failed', message: errorText(error), corrupt: error instanceof ApiError && error.code === 'database_corrupt' } });
      }
    }
  },

  enterSchool(skola) {
    void oppnaLokalLagring();
    set({ skola, elever: null, eleverSlutat: null, personal: null, eleverQuery: '', eleverActiveId: null, phase: { name: 'ready' } });
    get().navigate({ name: 'oversikt' });
  },

  navigate(view) {
    const { unsavedForms, view: current } = get();
    if (JSON.stringify(view) === JSON.stringify(current)) return;
    if (unsavedForms.length > 0 && !window.confirm(LEAVE_QUESTION)) return;
    history.pushState({ view }, '');
    set({ view, unsavedForms: [] });
  },

  announce(text, tone = 'info') {
    set((s) => ({ status: { text, tone, seq: (s.status?.seq ?? 0) + 1 } }));
  },

  async loadElever() {
    const elever = await call('elev:list', { baraAktiva: true });
    set({ elever: elever.sort(byNamn) });
  },

  async loadPersonal() {
    const personal = await call('personal:list', {});
    set({ personal });
  },

  async loadEleverSlutat() {
    const alla = await call('elev:list', { baraAktiva: false });
    set({ eleverSlutat: alla.filter((e) => !e.aktiv) });
  },

  upsertElev(elev) {
    set((s) => ({
      elever: upsertSorted(s.elever, elev, elev.aktiv),
      eleverSlutat: upsertSorted(s.eleverSlutat, elev, !elev.aktiv),
    }));
  },

  upsertPersonal(person) {
    set((s) => ({ personal: upsertSorted(s.personal, person, true) }));
  },

  setEleverQuery(eleverQuery) {
    set({ eleverQuery });
  },

  setEleverActiveId(eleverActiveId) {
    set({ eleverActiveId });
  },

  setUnsaved(form, unsaved) {
    set((s) => {
      const others = s.unsavedForms.filter((f) => f !== form);
      return { unsavedForms: unsaved ? [...others, form] : others };
    });
  },

  requestSearch() {
    // The Register view has its own search box; everywhere else the search is the pupil search.
    if (get().view.name !== 'elever' && get().view.name !== 'register') get().navigate({ name: 'elever' });
    set((s) => ({ searchRequest: s.searchRequest + 1 }));
  },
}));

/** The browser's back and forward buttons move between views like the in-app navigation does. */
export function followHistory(): () => void {
  const onPop = () => {
    const { unsavedForms, view } = useApp.getState();
    if (unsavedForms.length > 0 && !window.confirm(LEAVE_QUESTION)) {
      // Stay: put the screen the user is on back on top of the history.
      history.pushState({ view }, '');
      return;
    }
    useApp.setState({ view: viewFromHistory(), unsavedForms: [] });
  };
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}

// A damaged database reported by any call (api.ts): show the gate with the backups, the way out (issue 8).
if (typeof window !== 'undefined') {
  window.addEventListener('varvet:database-corrupt', (event) => {
    const message = event instanceof CustomEvent && typeof event.detail === 'string' ? event.detail : 'Databasen är skadad.';
    useApp.setState({ phase: { name: 'failed', message, corrupt: true } });
  });
}
