// Autosave for long text: saves ~400 ms after the last keystroke, at once on blur and when the screen closes, and
// when the page is hidden or unloaded (fetch keepalive, since the token header rules out sendBeacon). Every change
// is also kept locally, encrypted (lokalLagring.ts), until the backend confirms it, so a crash or a stopped host
// loses nothing: the next load reconciles the local draft with the stored text (the newer wins) and saves it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, Channel, ResultOf } from '../../../shared/contract';
import { call, errorText, isElectron } from '../api';
import { lokal } from '../lokalLagring';
import { useApp } from '../store';
import { readToken } from '../token';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

export interface AutosaveRequest<C extends Channel> {
  channel: C;
  args: ArgsOf<C>;
}

interface Draft<T> {
  value: T;
  at: string;
}

const DELAY_MS = 400;
const RETRY_MS = 4000;
const PREFIX = 'varvet.utkast.';

function readDraft<T>(key: string): Draft<T> | null {
  try {
    const raw = lokal.get(key);
    return raw ? (JSON.parse(raw) as Draft<T>) : null;
  } catch {
    return null;
  }
}

/** Sends a save that must outlive the page (pagehide): keepalive lets the request finish after the tab closes. */
function sendKeepalive(channel: string, args: unknown): void {
  const token = readToken();
  if (!token) return;
  void fetch(`./api/${channel}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', 'x-varvet-token': token },
    body: JSON.stringify(args),
  }).catch(() => undefined);
}

export interface Autosave<T> {
  state: SaveState;
  /** Call on every change; the value is kept locally at once and saved after a pause. */
  change(value: T): void;
  /** Saves now (blur, leaving). */
  flush(): Promise<void>;
  /**
   * On load: the value to show. A local draft newer than the stored text (saved at `stored`) wins and is saved;
   * otherwise the draft is dropped.
   */
  reconcile(storedValue: T, stored: string | null): T;
}

export function useAutosave<T, C extends Channel>(
  storageKey: string,
  request: (value: T) => AutosaveRequest<C>,
  onSaved?: (result: ResultOf<C>) => void,
): Autosave<T> {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<T | null>(null);
  const timer = useRef<number | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const requestRef = useRef(request);
  const onSavedRef = useRef(onSaved);
  requestRef.current = request;
  onSavedRef.current = onSaved;
  // The school's creation instant keeps a draft from one database out of another opened at the same address.
  const skapad = useApp((st) => st.skola?.skapad ?? '');
  const key = `${PREFIX}${skapad}.${storageKey}`;

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<void> => {
    clearTimer();
    if (running.current) await running.current;
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    setState({ kind: 'saving' });
    const job = (async () => {
      try {
        const { channel, args } = requestRef.current(value);
        const result = await call(channel, args);
        // Only a draft that nothing newer has replaced may be dropped.
        if (pending.current === null) lokal.remove(key);
        onSavedRef.current?.(result);
        setState(pending.current === null ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
      } catch (error) {
        if (pending.current === null) pending.current = value;
        setState({ kind: 'error', message: errorText(error) });
        timer.current = window.setTimeout(() => void flush(), RETRY_MS);
      }
    })();
    running.current = job;
    await job;
    running.current = null;
    if (pending.current !== null && timer.current === null) await flush();
  }, [key]);

  const change = useCallback(
    (value: T) => {
      pending.current = value;
      lokal.set(key, JSON.stringify({ value, at: new Date().toISOString() } satisfies Draft<T>));
      setState({ kind: 'dirty' });
      clearTimer();
      timer.current = window.setTimeout(() => void flush(), DELAY_MS);
    },
    [flush, key],
  );

  const reconcile = useCallback(
    (storedValue: T, stored: string | null): T => {
      const draft = readDraft<T>(key);
      if (!draft) return storedValue;
      if (stored !== null && stored >= draft.at) {
        lokal.remove(key);
        return storedValue;
      }
      change(draft.value);
      return draft.value;
    },
    [change, key],
  );

  // Leaving the page or hiding it: send what is pending in a request that survives the unload.
  useEffect(() => {
    const onHide = () => {
      const value = pending.current;
      if (value === null) return;
      if (isElectron()) {
        void flush();
        return;
      }
      const { channel, args } = requestRef.current(value);
      sendKeepalive(channel, args);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the screen inside the app: save what is pending (the draft stays until it is confirmed).
      void flush();
    };
  }, [flush]);

  return { state, change, flush, reconcile };
}
