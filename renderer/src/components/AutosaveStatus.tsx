// "Sparar…" / "Sparat kl. 10:42" next to autosaved text. "Sparat kl. …" is announced politely (WCAG 4.1.3);
// "Sparar…" is hidden from the live region, so a screen reader is not interrupted at every pause in typing. An error
// is an alert.
import type { SaveState } from './useAutosave';

function klockslag(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export function AutosaveStatus({ state, id }: { state: SaveState; id?: string }) {
  if (state.kind === 'error') {
    return (
      <p id={id} className="autosave-state error" role="alert">
        Inte sparat ännu – försöker igen. Texten finns kvar på den här datorn. ({state.message})
      </p>
    );
  }
  const saving = state.kind === 'saving' || state.kind === 'dirty';
  return (
    <p id={id} className="autosave-state" role="status" aria-live="polite">
      {saving && <span aria-hidden="true">Sparar…</span>}
      {state.kind === 'saved' && `Sparat kl. ${klockslag(state.at)}`}
    </p>
  );
}
