// Tells the store while a form holds unsaved text, and stops telling it when the form closes.
import { useEffect } from 'react';
import { useApp } from '../store';

export function useUnsavedGuard(form: string, unsaved: boolean): void {
  const setUnsaved = useApp((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved(form, unsaved);
    return () => setUnsaved(form, false);
  }, [form, unsaved, setUnsaved]);
}

/** Before a form with text is closed without saving: true when it may close. */
export function mayDiscard(unsaved: boolean): boolean {
  return !unsaved || window.confirm('Texten du har skrivit är inte sparad. Vill du stänga formuläret ändå?');
}
