// Inline editing of one list row: Tab moves between the fields, Enter saves, Esc cancels, and leaving the row saves
// too, so nothing typed is lost. The screen shows "Sparar…" / "Sparat" in a status region next to the list.
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';

/** How an edit ended: by keyboard (focus goes back to the list) or because focus left the row. */
export type CloseHow = 'keyboard' | 'blur';

export interface SaveReporter {
  saving(): void;
  saved(what: string): void;
  failed(message: string): void;
}

export interface SaveStatus {
  text: string | null;
  error: string | null;
}

/** The list's save state, and the reporter its editors and forms tell. */
export function useSaveState(): [SaveStatus, SaveReporter] {
  const [status, setStatus] = useState<SaveStatus>({ text: null, error: null });
  const reporter = useRef<SaveReporter>({
    saving: () => setStatus({ text: 'Sparar…', error: null }),
    saved: (what) => setStatus({ text: `Sparat: ${what}`, error: null }),
    failed: (message) => setStatus({ text: null, error: message }),
  });
  return [status, reporter.current];
}

export function SaveState({ status, title = 'Ändringen kunde inte sparas' }: { status: SaveStatus; title?: string }) {
  return (
    <>
      <p className="save-state" role="status">
        {status.text && (
          <>
            {status.text.startsWith('Sparat') && <span aria-hidden="true">✓ </span>}
            {status.text}
          </>
        )}
      </p>
      <ErrorAlert message={status.error} title={title} />
    </>
  );
}

interface InlineEditFormProps<V extends FieldValues> {
  label: string;
  form: UseFormReturn<V>;
  /** Saves the changed fields (or nothing when none changed); throws an ApiError when the backend refuses. */
  save(values: V): Promise<void>;
  close(how: CloseHow): void;
  report: SaveReporter;
  children: ReactNode;
}

export function InlineEditForm<V extends FieldValues>({ label, form, save, close, report, children }: InlineEditFormProps<V>) {
  // One save per edit: Enter followed by the blur of the removed row must not save twice.
  const busy = useRef(false);

  const submit = useCallback(
    async (how: CloseHow) => {
      if (busy.current) return;
      busy.current = true;
      const valid = await form.trigger();
      if (!valid) {
        busy.current = false;
        const first = Object.entries(form.formState.errors)[0];
        report.failed(typeof first?.[1]?.message === 'string' ? first[1].message : 'Kontrollera uppgifterna.');
        if (first && how === 'keyboard') form.setFocus(first[0] as Parameters<typeof form.setFocus>[0]);
        return;
      }
      try {
        await save(form.getValues());
        close(how);
      } catch (error) {
        busy.current = false;
        report.failed(errorText(error));
      }
    },
    [form, save, close, report],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      busy.current = true;
      close('keyboard');
    } else if (e.key === 'Enter' && !e.shiftKey && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      e.stopPropagation();
      void submit('keyboard');
    }
  };

  const onBlur = (e: FocusEvent<HTMLFormElement>) => {
    const next = e.relatedTarget;
    if (next instanceof Node && e.currentTarget.contains(next)) return;
    void submit('blur');
  };

  return (
    <form className="inline-edit" aria-label={label} noValidate onKeyDown={onKeyDown} onBlur={onBlur} onSubmit={(e) => e.preventDefault()}>
      {children}
      <p className="inline-edit-help" aria-hidden="true">
        Enter sparar · Esc avbryter · Tab nästa fält
      </p>
    </form>
  );
}
