// A labelled form field with its hint and its Swedish error, wired together for assistive technology.
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}

/** The attributes the control inside a Field needs: its id, invalid state and what describes it. */
export function describedBy(id: string, error: string | undefined, hasHint = false): {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
} {
  const ids = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return { id, 'aria-invalid': Boolean(error), 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined };
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
