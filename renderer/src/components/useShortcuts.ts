// App-wide keyboard shortcuts. Screen-specific keys (1–5 when judging, N for a new insats) live with their screens.
import { useEffect } from 'react';
import { useApp } from '../store';
import { enkelTangentAv } from './enkelTangent';

/** True while the user is typing, so that single-letter shortcuts do not steal their keystrokes. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { navigate, requestSearch, view } = useApp.getState();
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        // e.code, because Alt+digit gives other characters on some keyboard layouts (macOS).
        if (e.code === 'Digit1') navigate({ name: 'oversikt' });
        else if (e.code === 'Digit2') navigate({ name: 'elever' });
        else if (e.code === 'Digit3') navigate({ name: 'moten' });
        else if (e.code === 'Digit4' && view.name !== 'forberedelse') navigate({ name: 'forberedelse', flik: 'inventering' });
        else if (e.code === 'Digit5' && view.name !== 'register') navigate({ name: 'register', flik: 'personal' });
        else if (e.code === 'Digit6') navigate({ name: 'import' });
        else if (e.code === 'Digit7') navigate({ name: 'sakerhetskopior' });
        else if (e.code === 'Digit8' && view.name !== 'uppfoljning') navigate({ name: 'uppfoljning', flik: 'resultatdialog' });
        else if (e.code === 'Digit9' && view.name !== 'logg') navigate({ name: 'logg', flik: 'logg' });
        else if (e.key === 'ArrowLeft' && view.name === 'elev') navigate({ name: 'elever' });
        else return;
        e.preventDefault();
        return;
      }
      const searchKey = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f';
      const slash = e.key === '/' && !enkelTangentAv(e) && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if (searchKey || slash) {
        e.preventDefault();
        requestSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
