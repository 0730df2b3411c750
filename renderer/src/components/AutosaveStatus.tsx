// "Sparar…" / "Sparat kl. 10:42" next to autosaved text. Quiet for screen readers while typing; an error is an alert.
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
  const text =
    state.kind === 'saving' || state.kind === 'dirty' ? 'Sparar…' : state.kind === 'saved' ? `Sparat kl. ${klockslag(state.at)}` : '';
  return (
    <p id={id} className="autosave-state" aria-live="off">
      {text}
    </p>
  );
}
