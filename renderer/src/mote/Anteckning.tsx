// A note per agenda item ("Anteckningar"), autosaved while typing; it goes into the protokoll.
import { useEffect, useState } from 'react';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { useMoteKo } from './ko';
import { useAutosave } from '../components/useAutosave';

export function MoteAnteckning({ moteId, punkt, rubrik, las }: { moteId: number; punkt: string; rubrik: string; las: boolean }) {
  const stored = useMoteKo((s) => s.agenda?.anteckningar[punkt] ?? '');
  const setAgenda = useMoteKo((s) => s.setAgenda);
  const autosave = useAutosave(`moteanteckning.${moteId}.${punkt}`, (text: string) => ({ channel: 'mote:anteckning', args: { moteId, punkt, text } }),
    (saved) => setAgenda((a) => ({ ...a, anteckningar: { ...a.anteckningar, [saved.punkt]: saved.text } })));
  const [text, setText] = useState(stored);
  useEffect(() => {
    // Once: a local draft left by a crash is kept and saved (the note has no stored time, so a draft wins).
    setText(autosave.reconcile(stored, null));
  }, []);
  const id = `anteckning-${punkt}`;
  return (
    <div className="field mote-anteckning">
      <label htmlFor={id}>{rubrik}</label>
      <textarea id={id} rows={2} value={text} disabled={las} aria-describedby={`${id}-state`}
        onChange={(e) => { setText(e.target.value); autosave.change(e.target.value); }} onBlur={() => void autosave.flush()} />
      <AutosaveStatus id={`${id}-state`} state={autosave.state} />
    </div>
  );
}
