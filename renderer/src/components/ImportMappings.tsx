// Saved mappings: pick one made for this source before (it is applied to the columns the file has), or save the
// current mapping under the source's name, e.g. "Skolplattformen – resultat".
import { useForm } from 'react-hook-form';
import type { ColumnMapping } from '../../../shared/import/mapping';
import type { SavedMapping } from '../../../shared/import/types';
import { describedBy } from './Field';

interface Props {
  saved: SavedMapping[];
  onUse(mapping: ColumnMapping): void;
  onSave(kalla: string): Promise<void>;
}

export function ImportMappings({ saved, onUse, onSave }: Props) {
  const { register, handleSubmit, formState } = useForm<{ kalla: string }>({ defaultValues: { kalla: '' } });
  const error = formState.errors.kalla?.message;
  return (
    <div className="import-mappings">
      <div className="field">
        <label htmlFor="import-saved">Sparad mappning</label>
        <select
          id="import-saved"
          value=""
          disabled={saved.length === 0}
          onChange={(e) => {
            const m = saved.find((s) => String(s.id) === e.currentTarget.value);
            if (m) onUse(m.mappning);
          }}
        >
          <option value="">{saved.length === 0 ? 'Inga sparade ännu' : 'Välj en sparad mappning…'}</option>
          {saved.map((s) => (
            <option key={s.id} value={s.id}>
              {s.kalla}
            </option>
          ))}
        </select>
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
