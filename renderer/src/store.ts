// App state: where the user is (phase and view), the open school, the pupil register cache and the status line.
// Navigation is a typed view in this store, mirrored into history so the browser's back button and a reload work.
import { create } from 'zustand';
import type { Elev, Personal, Skola } from '../../shared/model';
import { ApiError, call, errorText, isElectron } from './api';
import { readToken } from './token';

export type View = { name: 'oversikt' } | { name: 'elever' } | { name: 'elev'; elevId: number };

export type Phase =
  | { name: 'starting' }
  | { name: 'no-token'; invalid: boolean }
  | { name: 'failed'; message: string }
  | { name: 'welcome' }
  | { name: 'ready' };

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
  setEleverQuery(query: string): void;
  setEleverActiveId(id: number | null): void;
  requestSearch(): void;
  setUnsaved(form: string, unsaved: boolean): void;
}

const LEAVE_QUESTION = 'Det finns text som inte är sparad. Vill du lämna sidan ändå? Texten försvinner då.';

function isView(value: unknown): value is View {
  if (typeof value !== 'object' || value === null || !('name' in value)) return false;
  if (value.name === 'oversikt' || value.name === 'elever') return true;
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
      const skola = await call('skola:get', {});
      if (skola) {
        const view = viewFromHistory();
        history.replaceState({ view }, '');
        set({ skola, view, phase: { name: 'ready' } });
      } else {
        set({ phase: { name: 'welcome' } });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') {
        set({ phase: { name: 'no-token', invalid: true } });
      } else {
        set({ phase: { name: 'failed', message: errorText(error) } });
      }
    }
  },

  enterSchool(skola) {
    set({ skola, elever: null, personal: null, eleverQuery: '', eleverActiveId: null, phase: { name: 'ready' } });
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
    set({ elever });
  },

  async loadPersonal() {
    const personal = await call('personal:list', {});
    set({ personal });
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
    if (get().view.name !== 'elever') get().navigate({ name: 'elever' });
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
