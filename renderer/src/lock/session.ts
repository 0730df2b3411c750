// Locking and unlocking the app in the renderer. Locking closes the database in the backend and then drops every
// cached list that held pupil data, so the locked screen is the only thing left in the page.
import type { Skola } from '../../../shared/model';
import { call } from '../api';
import { useMoteKo } from '../mote/ko';
import { useRegisterData } from '../register/data';
import { useApp } from '../store';
import { useLock } from './lockState';

function forgetPupilData(): void {
  useApp.setState({ skola: null, elever: null, eleverSlutat: null, personal: null, eleverQuery: '', eleverActiveId: null, status: null, unsavedForms: [] });
  useRegisterData.setState({ grupper: null, amnen: null, undervisning: null });
  // The meeting's save queue stays (it is replayed after unlocking); the agenda with names goes.
  useMoteKo.setState({ agenda: null, moteId: null });
}

/** Time for the screens' autosave flushes (sent as they unmount) to reach the backend before it locks. */
const FLUSH_MS = 300;

let pending: Promise<void> = Promise.resolve();

/** Resolves when a lock that was started has reached the backend (unlocking waits for it). */
export function lockSettled(): Promise<void> {
  return pending.catch(() => undefined);
}

export function lockApp(): Promise<void> {
  // The screen goes first: unmounting flushes any text being typed (useAutosave) while the backend still accepts it.
  // The view stays in history, so unlocking returns to the same screen (with its data loaded afresh).
  forgetPupilData();
  useApp.setState({ phase: { name: 'locked' } });
  pending = (async () => {
    await new Promise((resolve) => window.setTimeout(resolve, FLUSH_MS));
    useLock.getState().setStatus(await call('lock:lock', {}));
  })();
  return pending;
}

/** After unlocking: start again as at launch; the view comes back from history. */
export async function afterUnlock(): Promise<void> {
  await useLock.getState().refresh();
  await useApp.getState().start();
}

/** After "Ny skola" or "Öppna demoskola": offer protection first unless the data already is protected. */
export async function enterNewSchool(skola: Skola, text: string): Promise<void> {
  const { enterSchool, announce } = useApp.getState();
  try {
    await useLock.getState().refresh();
  } catch {
    // The lock status is only a suggestion here; the school is open either way.
  }
  if (useLock.getState().status?.state === 'oskyddad') {
    useApp.setState({ skola, phase: { name: 'protect', skola, announce: text } });
    return;
  }
  enterSchool(skola);
  announce(text);
}

if (typeof window !== 'undefined') {
  window.addEventListener('varvet:locked', () => {
    if (useApp.getState().phase.name === 'locked') return;
    forgetPupilData();
    useApp.setState({ phase: { name: 'locked' } });
  });
}
