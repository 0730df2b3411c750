// Preparing an EHT-möte: kind, varv, date and participants — the staff, and invited mentors or others (seed 001:
// "Tänk på att ni eventuellt behöver bjuda in en mentor/andra nyckelpersoner kopplade till eleverna.").
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { Mote, MoteDeltagare, MoteRad } from '../../../shared/channels/mote';
import { ROLL_TEXT } from '../../../shared/labels';
import type { Personal, Varv } from '../../../shared/model';
import { call, errorText } from '../api';
import { datumMedAr, personalNamn } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';
import { formKeyHandler } from '../components/formKeys';

const EHT_ROLLER = ['rektor', 'bitradande_rektor', 'specialpedagog', 'kurator', 'skolskoterska', 'skolpsykolog'];

interface Values {
  typ: 'forsta_eht' | 'eht';
  varvId: string;
  datum: string;
  personal: string[];
  gaster: { namn: string; funktion: string }[];
  mentorer: string[];
}

interface Props {
  mote: Mote | null;
  varv: Varv[];
  /** The läsår's EHT-möten: a second EHT-möte in the same varv is warned about (not refused). */
  moten: MoteRad[];
  personal: Personal[];
  onSaved(m: Mote): void;
  onCancel(): void;
}

export function MoteForbered({ mote, varv, moten, personal, onSaved, onCancel }: Props) {
  const [error, setError] = useState<string | null>(null);
  const invited = (d: MoteDeltagare) => d.inbjuden && d.personalId !== null;
  // A new EHT-möte goes in the first varv that has none yet; a första EHT-möte (before the läsår's first varv) in none.
  const ledigtVarv = varv.find((v) => !moten.some((m) => m.typ === 'eht' && m.varvId === v.id)) ?? varv[0];
  const { register, control, handleSubmit, formState, watch, setValue } = useForm<Values>({
    defaultValues: {
      typ: mote?.typ === 'forsta_eht' ? 'forsta_eht' : 'eht',
      varvId: mote ? (mote.varvId ? String(mote.varvId) : '') : (ledigtVarv ? String(ledigtVarv.id) : ''),
      datum: mote?.datum ?? '',
      personal: mote
        ? mote.deltagare.filter((d) => d.personalId !== null && !d.inbjuden).map((d) => String(d.personalId))
        : personal.filter((p) => p.roller.some((r) => EHT_ROLLER.includes(r))).map((p) => String(p.id)),
      mentorer: mote ? mote.deltagare.filter(invited).map((d) => String(d.personalId)) : [],
      gaster: mote ? mote.deltagare.filter((d) => d.personalId === null).map((d) => ({ namn: d.namn, funktion: d.funktion })) : [],
    },
  });
  const gaster = useFieldArray({ control, name: 'gaster' });
  const typ = watch('typ');
  const varvId = watch('varvId');
  const datum = watch('datum');
  // A date outside the meeting's varv is allowed (a sick day, a moved APT) but said: the plan shows the same date.
  const mittVarv = varv.find((v) => String(v.id) === (mote ? String(mote.varvId ?? '') : varvId));
  const utanforVarv = mittVarv && /^\d{4}-\d{2}-\d{2}$/.test(datum ?? '') && (datum < mittVarv.startdatum || datum > mittVarv.slutdatum) ? mittVarv : null;
  const typFalt = register('typ');
  const samma = !mote && typ === 'eht' && varvId !== '' ? moten.find((m) => m.typ === 'eht' && m.varvId === Number(varvId)) : undefined;
  const elevhalsa = personal.filter((p) => p.aktiv && p.roller.some((r) => EHT_ROLLER.includes(r) || r === 'forstelarare'));
  const mentorer = personal.filter((p) => p.aktiv && p.roller.includes('mentor'));

  const save = handleSubmit(async (v) => {
    setError(null);
    const funktion = (id: string) => ROLL_TEXT[personal.find((p) => String(p.id) === id)?.roller[0] ?? 'larare'];
    const deltagare = [
      ...v.personal.map((id) => ({ personalId: Number(id), funktion: funktion(id), inbjuden: false })),
      ...v.mentorer.filter((id) => !v.personal.includes(id)).map((id) => ({ personalId: Number(id), funktion: 'Mentor', inbjuden: true })),
      ...v.gaster.filter((g) => g.namn.trim() !== '').map((g) => ({ personalId: null, namn: g.namn, funktion: g.funktion, inbjuden: true })),
    ];
    try {
      const saved = mote
        ? await call('mote:update', { id: mote.id, datum: v.datum, deltagare })
        : await call('mote:create', { typ: v.typ, varvId: v.varvId === '' ? null : Number(v.varvId), datum: v.datum, deltagare });
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    }
  });

  return (
    <form className="card mote-forbered" aria-label={mote ? 'Förbered mötet' : 'Nytt EHT-möte'} noValidate
      onSubmit={(e) => void save(e)} onKeyDown={formKeyHandler(() => void save(), onCancel)}>
      <div className="field-row">
        {!mote && (
          <>
            <div className="field">
              <label htmlFor="forbered-typ">Slag av möte</label>
              <select
                id="forbered-typ"
                {...typFalt}
                onChange={(e) => {
                  void typFalt.onChange(e);
                  setValue('varvId', e.target.value === 'forsta_eht' ? '' : (ledigtVarv ? String(ledigtVarv.id) : ''));
                }}
              >
                <option value="eht">EHT-möte (steg 6)</option>
                <option value="forsta_eht">Första EHT-mötet (steg 4)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="forbered-varv">Varv</label>
              <select id="forbered-varv" aria-describedby={samma ? 'forbered-varv-varning' : undefined} {...register('varvId')}>
                <option value="">Inget varv (före läsårets första varv)</option>
                {varv.map((v) => <option key={v.id} value={v.id}>Varv {v.nummer}</option>)}
              </select>
            </div>
          </>
        )}
        <div className={formState.errors.datum ? 'field has-error' : 'field'}>
          <label htmlFor="forbered-datum">Datum</label>
          <input id="forbered-datum" type="date" aria-invalid={Boolean(formState.errors.datum)} {...register('datum', { required: 'Välj mötets datum.' })} />
          {formState.errors.datum && <p className="field-error">{formState.errors.datum.message}</p>}
        </div>
      </div>
      {utanforVarv && (
        <p className="hint" role="status" id="forbered-datum-varning">
          <strong>Obs!</strong> {datumMedAr(datum)} ligger utanför varv {utanforVarv.nummer} ({datumMedAr(utanforVarv.startdatum)} –{' '}
          {datumMedAr(utanforVarv.slutdatum)}). Ni kan spara det, men kontrollera datumet: planens kalender, årshjulet och planen som PDF
          visar mötet på det nya datumet.
        </p>
      )}
      {samma && (
        <p className="hint" role="status" id="forbered-varv-varning">
          <strong>Obs!</strong> Varv {samma.varvNummer ?? ''} har redan ett EHT-möte ({datumMedAr(samma.datum)}). Ni kan skapa ett till, men
          ett varv har vanligen ett EHT-möte; kontrollera att ni har valt rätt varv.
        </p>
      )}
      <fieldset className="mote-deltagare">
        <legend>Deltagare: skolledning och elevhälsoteam</legend>
        {elevhalsa.map((p) => (
          <label key={p.id} className="checkbox" htmlFor={`deltagare-${p.id}`}>
            <input type="checkbox" id={`deltagare-${p.id}`} value={String(p.id)} {...register('personal')} />
            <span>{personalNamn(p)} <span className="muted">({p.roller.map((r) => ROLL_TEXT[r]).join(', ')})</span></span>
          </label>
        ))}
      </fieldset>
      <details className="mote-deltagare">
        <summary>Bjud in mentorer ({mentorer.length})</summary>
        <p className="hint">Tänk på att ni eventuellt behöver bjuda in en mentor/andra nyckelpersoner kopplade till eleverna.</p>
        {mentorer.map((p) => (
          <label key={p.id} className="checkbox" htmlFor={`mentor-${p.id}`}>
            <input type="checkbox" id={`mentor-${p.id}`} value={String(p.id)} {...register('mentorer')} />
            <span>{personalNamn(p)}</span>
          </label>
        ))}
      </details>
      <fieldset className="mote-deltagare">
        <legend>Andra inbjudna (utanför personalregistret)</legend>
        {gaster.fields.map((f, i) => (
          <div className="field-row" key={f.id}>
            <div className="field">
              <label htmlFor={`gast-${i}-namn`}>Namn</label>
              <input type="text" id={`gast-${i}-namn`} {...register(`gaster.${i}.namn`)} />
            </div>
            <div className="field">
              <label htmlFor={`gast-${i}-funktion`}>Funktion</label>
              <input type="text" id={`gast-${i}-funktion`} {...register(`gaster.${i}.funktion`)} />
            </div>
            <button type="button" className="button link" onClick={() => gaster.remove(i)}>Ta bort</button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => gaster.append({ namn: '', funktion: '' })}>Bjud in någon annan</button>
      </fieldset>
      <ErrorAlert message={error} title="Mötet kunde inte sparas" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>{mote ? 'Spara förberedelserna' : 'Skapa mötet'}</button>
        <button type="button" className="button" onClick={onCancel}>Avbryt</button>
      </div>
    </form>
  );
}
