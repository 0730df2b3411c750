// The follow-on insats that intensifiera and förändra create, prefilled from the insats so accepting the
// recommendation stays two keystrokes; every field can be changed here or in the summary before closing.
import type { AgendaPerson } from '../../../shared/channels/mote';
import type { Foljd } from './vy';

interface Props {
  id: string;
  foljd: Foljd;
  personal: AgendaPerson[];
  onChange(foljd: Foljd): void;
}

export function PersonSelect({ id, value, personal, onChange, tom = 'Ingen vald' }: { id: string; value: number | null; personal: AgendaPerson[]; onChange(v: number | null): void; tom?: string }) {
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{tom}</option>
      {personal.map((p) => (
        <option key={p.id} value={p.id}>
          {p.namn}
        </option>
      ))}
    </select>
  );
}

export function MoteFoljdFalt({ id, foljd, personal, onChange }: Props) {
  const set = (patch: Partial<Foljd>) => onChange({ ...foljd, ...patch });
  return (
    <details className="mote-foljd">
      <summary>
        Ny insats i kedjan: <strong>{foljd.beskrivning}</strong> <span className="muted">(ändra)</span>
      </summary>
      <div className="mote-foljd-falt">
        <div className="field">
          <label htmlFor={`${id}-besk`}>Beskrivning av den nya insatsen</label>
          <textarea id={`${id}-besk`} rows={2} value={foljd.beskrivning} onChange={(e) => set({ beskrivning: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-effekt`}>Förväntad effekt</label>
          <textarea id={`${id}-effekt`} rows={2} value={foljd.forvantadEffekt} onChange={(e) => set({ forvantadEffekt: e.target.value })} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-gen`}>Genomförs av</label>
            <PersonSelect id={`${id}-gen`} value={foljd.genomforsAvId} personal={personal} onChange={(v) => set({ genomforsAvId: v })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ater`}>Återkopplar</label>
            <PersonSelect id={`${id}-ater`} value={foljd.aterkopplarId} personal={personal} onChange={(v) => set({ aterkopplarId: v })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>Startar</label>
            <input id={`${id}-start`} type="date" value={foljd.startdatum} onChange={(e) => set({ startdatum: e.target.value })} />
          </div>
        </div>
      </div>
    </details>
  );
}
