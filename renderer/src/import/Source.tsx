// Step 1: what to import, which file, which sheet of an Excel file and, for results, the occasion when the file
// does not name one. The choices are a react-hook-form form whose values the page follows as they change.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { IMPORT_KINDS, IMPORT_KIND_TEXT, type ImportKind } from '../../../shared/import/fields';
import { readAsBase64, type ChosenFile } from './fileData';

export interface SourceValues {
  kind: ImportKind;
  tillfalleNamn: string;
  tillfalleDatum: string;
}

interface Props {
  sheets: string[];
  sheet: string | null;
  onChange(values: SourceValues): void;
  onFile(file: ChosenFile | null): void;
  onSheet(sheet: string): void;
  onError(message: string): void;
}

const KIND_HINT: Record<ImportKind, string> = {
  elever: 'Elev-ID, namn, klass, årskurs, mentor',
  personal: 'Personal-ID, namn, e-post, roller',
  grupper: 'Grupp, typ, årskurs, och gärna elevernas id',
  undervisning: 'Lärare, grupp och ämne',
  resultat: 'Elev, ämne, betyg eller bedömning, ej nådda kriterier, datum',
};

function storlek(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${Math.ceil(kb).toLocaleString('sv-SE')} kB` : `${(kb / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}

export function ImportSource({ sheets, sheet, onChange, onFile, onSheet, onError }: Props) {
  // Chromium's own file button says "Choose File / No file chosen" whatever the page's language: the input is
  // hidden visually (still focusable, and named by the label), a Swedish label looks like the button, and the chosen
  // file's name is shown next to it and read out when it changes.
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  const { register, watch } = useForm<SourceValues>({ defaultValues: { kind: 'elever', tillfalleNamn: '', tillfalleDatum: '' } });
  const kind = watch('kind');
  const tillfalleNamn = watch('tillfalleNamn');
  const tillfalleDatum = watch('tillfalleDatum');

  useEffect(() => {
    onChange({ kind, tillfalleNamn, tillfalleDatum });
  }, [kind, tillfalleNamn, tillfalleDatum, onChange]);

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setChosen(file ? { name: file.name, size: file.size } : null);
    if (!file) {
      onFile(null);
      return;
    }
    try {
      onFile({ name: file.name, size: file.size, base64: await readAsBase64(file) });
    } catch {
      onError('Filen kunde inte läsas. Kontrollera att den inte är öppen i ett annat program och välj den igen.');
    }
  };

  return (
    <section className="card import-source" aria-labelledby="import-source-title">
      <h2 id="import-source-title">1. Välj vad du importerar och filen</h2>
      <fieldset className="import-kinds">
        <legend>Vad vill du importera?</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k} className="import-kind">
            <input type="radio" value={k} {...register('kind')} />
            <span>
              <strong>{IMPORT_KIND_TEXT[k]}</strong>
              <span className="hint">{KIND_HINT[k]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label id="import-file-label" htmlFor="import-file">
            Fil (CSV eller Excel .xlsx)
          </label>
          <p id="import-file-hint" className="hint">
            Semikolon eller komma, Windows-1252 eller UTF-8 – Varvet känner igen formatet.
          </p>
          <div className="import-file-picker">
            <input
              id="import-file"
              className="visually-hidden import-file-input"
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-labelledby="import-file-label"
              aria-describedby="import-file-chosen import-file-hint"
              onChange={(e) => void chooseFile(e.currentTarget)}
            />
            {/* The input has the focus and the name; this is what the eye sees and the mouse clicks. */}
            <label htmlFor="import-file" className="button import-file-button" aria-hidden="true">
              {chosen ? 'Välj en annan fil…' : 'Välj fil…'}
            </label>
            <span id="import-file-chosen" className="import-file-chosen" aria-live="polite">
              {chosen ? `Vald fil: ${chosen.name} (${storlek(chosen.size)})` : 'Ingen fil vald'}
            </span>
          </div>
        </div>
        {sheets.length > 1 && (
          <div className="field">
            <label htmlFor="import-sheet">Blad i Excel-filen</label>
            <select id="import-sheet" value={sheet ?? ''} onChange={(e) => onSheet(e.currentTarget.value)}>
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {kind === 'resultat' && (
        <fieldset className="import-tillfalle">
          <legend>Bedömningstillfälle, om filen saknar kolumnen Datum eller Tillfälle</legend>
          <p id="import-tillfalle-hint" className="hint">
            Utan namn heter tillfället som varvet datumet ligger i, till exempel Varv 2.
          </p>
          <div className="field-row">
            <div className="field">
              <label htmlFor="import-tillfalle-datum">Datum</label>
              <input id="import-tillfalle-datum" type="date" {...register('tillfalleDatum')} />
            </div>
            <div className="field">
              <label htmlFor="import-tillfalle-namn">Namn (valfritt)</label>
              <input id="import-tillfalle-namn" type="text" aria-describedby="import-tillfalle-hint" {...register('tillfalleNamn')} />
            </div>
          </div>
        </fieldset>
      )}
    </section>
  );
}
