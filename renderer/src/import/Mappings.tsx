// Saved mappings: pick one made for this source before (it is applied to the columns the file has), or save the
// current mapping under the source's name, e.g. "Skolplattformen – resultat". The picker shows the saved mapping the
// columns are mapped by now; when a file has the columns a saved mapping names, the page uses it at once.
import { useForm } from 'react-hook-form';
import { KIND_FIELDS, type ImportKind } from '../../../shared/import/fields';
import { fitMapping, type ColumnMapping } from '../../../shared/import/mapping';
import type { SavedMapping } from '../../../shared/import/types';
import { describedBy } from '../components/Field';

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const ka = Object.keys(a).filter((k) => a[k as keyof ColumnMapping]);
  const kb = Object.keys(b).filter((k) => b[k as keyof ColumnMapping]);
  return ka.length === kb.length && ka.every((k) => a[k as keyof ColumnMapping] === b[k as keyof ColumnMapping]);
}

/** The saved mapping the columns are mapped by now (applied to this file's columns), or null. */
export function savedInUse(kind: ImportKind, saved: SavedMapping[], mapping: ColumnMapping, headers: readonly string[]): SavedMapping | null {
  return saved.find((s) => s.typ === kind && sameMapping(fitMapping(kind, s.mappning, headers), mapping)) ?? null;
}

/** A saved mapping made for a file with these columns: every column it names is in this file. The one that names
 *  the most columns wins, then the newest. Null when none fits. */
export function savedForHeaders(kind: ImportKind, saved: SavedMapping[], headers: readonly string[]): SavedMapping | null {
  const named = (s: SavedMapping) => KIND_FIELDS[kind].filter((f) => s.mappning[f]).length;
  const fits = saved.filter((s) => s.typ === kind && named(s) > 0 && Object.keys(fitMapping(kind, s.mappning, headers)).length === named(s));
  fits.sort((a, b) => named(b) - named(a) || b.sparad.localeCompare(a.sparad));
  return fits[0] ?? null;
}

interface Props {
  saved: SavedMapping[];
  /** The saved mapping in use now, and whether the page chose it itself because the file's columns fit it. */
  inUse: SavedMapping | null;
  proposed: boolean;
  /** A saved mapping, or null for the columns as Varvet recognised them. */
  onUse(mapping: SavedMapping | null): void;
  onSave(kalla: string): Promise<void>;
}

export function ImportMappings({ saved, inUse, proposed, onUse, onSave }: Props) {
  const { register, handleSubmit, formState } = useForm<{ kalla: string }>({ defaultValues: { kalla: '' } });
  const error = formState.errors.kalla?.message;
  const status = inUse
    ? `Kolumnerna mappas med den sparade mappningen ”${inUse.kalla}”${proposed ? ', som valdes eftersom filen har samma kolumnrubriker' : ''}.`
    : saved.length > 0
      ? 'Ingen sparad mappning används.'
      : '';
  return (
    <div className="import-mappings">
      <div className="field">
        <label htmlFor="import-saved">Sparad mappning</label>
        <select
          id="import-saved"
          value={inUse ? String(inUse.id) : ''}
          disabled={saved.length === 0}
          aria-describedby="import-saved-status"
          onChange={(e) => onUse(saved.find((s) => String(s.id) === e.currentTarget.value) ?? null)}
        >
          <option value="">{saved.length === 0 ? 'Inga sparade ännu' : 'Ingen – kolumnerna som Varvet kände igen'}</option>
          {saved.map((s) => (
            <option key={s.id} value={s.id}>
              {s.kalla}
            </option>
          ))}
        </select>
        <p id="import-saved-status" className="hint" role="status">
          {status}
        </p>
      </div>
      <form className="import-save-mapping" onSubmit={handleSubmit(async (v) => onSave(v.kalla.trim()))} noValidate>
        <div className="field">
          <label htmlFor="import-kalla">Källans namn</label>
          <input
            type="text"
            placeholder="Till exempel Skolplattformen – resultat"
            {...register('kalla', { validate: (v) => v.trim().length > 0 || 'Skriv ett namn på källan för att spara mappningen.' })}
            {...describedBy('import-kalla', error)}
          />
          {error && (
            <p id="import-kalla-error" className="field-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          Spara mappning
        </button>
      </form>
    </div>
  );
}
