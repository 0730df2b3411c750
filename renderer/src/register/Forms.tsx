// Pieces shared by the register's "Ny …" forms and row editors: the form frame, årskurs options, role checkboxes.
import type { FormEvent, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ROLLER, type Roll } from '../../../shared/model';
import { ROLL_TEXT, arskursText } from '../../../shared/labels';
import { ErrorAlert } from '../components/ErrorAlert';
import { formKeyHandler } from '../components/formKeys';
import { Kbd } from '../components/Kbd';

interface RegisterNyFormProps {
  id: string;
  title: string;
  submitLabel: string;
  submitting: boolean;
  error: string | null;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

export function RegisterNyForm({ id, title, submitLabel, submitting, error, onSubmit, onCancel, children }: RegisterNyFormProps) {
  return (
    <form
      className="inline-form card register-ny"
      aria-labelledby={`${id}-rubrik`}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={formKeyHandler(onSubmit, onCancel)}
    >
      <h2 id={`${id}-rubrik`} className="register-ny-title">
        {title}
      </h2>
      {children}
      <ErrorAlert message={error} title="Det gick inte att spara" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submitting}>
          {submitting ? 'Sparar…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Avbryt
        </button>
        <span className="shortcut-help">
          <Kbd keys={['Enter']} /> spara · <Kbd keys={['Esc']} /> avbryt
        </span>
      </div>
    </form>
  );
}

/** F, 1–9; with `ingen` an empty choice first, for groups across several årskurser. */
export function ArskursOptions({ ingen }: { ingen?: string }) {
  return (
    <>
      {ingen !== undefined && <option value="">{ingen}</option>}
      {[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((ak) => (
        <option key={ak} value={String(ak)}>
          {ak === 0 ? 'F (förskoleklass)' : arskursText(ak)}
        </option>
      ))}
    </>
  );
}

export function RollerFieldset({ idPrefix, field, compact = false }: { idPrefix: string; field: UseFormRegisterReturn; compact?: boolean }) {
  return (
    <fieldset className={compact ? 'roller compact' : 'roller'}>
      <legend>Roller</legend>
      <div className="roller-options">
        {ROLLER.map((r: Roll) => (
          <label key={r} className="checkbox" htmlFor={`${idPrefix}-roll-${r}`}>
            <input id={`${idPrefix}-roll-${r}`} type="checkbox" value={r} {...field} />
            {ROLL_TEXT[r]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Only the fields whose value differs from before, so a save never overwrites what the user did not touch. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}
