// Import (Alt+6): elever, personal, grupper, undervisning and resultat from CSV or XLSX. Choose the file, confirm
// the columns, see every problem, then import all or nothing (or only the valid rows). History with undo below.
import { useCallback, useEffect, useRef, useState } from 'react';
import { IMPORT_KIND_TEXT, type ImportKind } from '../../../shared/import/fields';
import { fitMapping, type ColumnMapping } from '../../../shared/import/mapping';
import type { ImportHistoryEntry, ImportPreview, ImportQuestion, ImportResult, SavedMapping } from '../../../shared/import/types';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportCheck, ImportConfirm, ImportDone } from './Check';
import type { ChosenFile } from './fileData';
import { ImportHistory } from './History';
import { ImportMappings, savedForHeaders, savedInUse } from './Mappings';
import { ImportPreviewTable } from './PreviewTable';
import { ImportProblems } from './Problems';
import { ImportQuestions } from './Questions';
import { ImportSource, type SourceValues } from './Source';
import { Kbd } from '../components/Kbd';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useApp } from '../store';
import './import.css';

const CHECK_DELAY_MS = 250;

export function ImportPage() {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const announce = useApp((s) => s.announce);
  const [source, setSource] = useState<SourceValues>({ kind: 'elever', tillfalleNamn: '', tillfalleDatum: '' });
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [choices, setChoices] = useState<Record<string, number | null>>({});
  const [asked, setAsked] = useState<ImportQuestion[]>([]);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [importing, setImporting] = useState(false);
  const [done, setDone] = useState<ImportResult | null>(null);
  // Set while the user is asked to confirm the existing values the import overwrites (true: only the valid rows).
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const [history, setHistory] = useState<ImportHistoryEntry[]>([]);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  // The kind the saved mappings were loaded for, and the saved mapping the page chose itself for this preview.
  const [savedKind, setSavedKind] = useState<ImportKind | null>(null);
  const [proposedSaved, setProposedSaved] = useState<number | null>(null);
  const proposedFor = useRef<ImportPreview | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checkSeq = useRef(0);
  const kind: ImportKind = source.kind;
  const tillfalle = source.tillfalleDatum ? { namn: source.tillfalleNamn, datum: source.tillfalleDatum } : null;
  const tillfalleKey = JSON.stringify(tillfalle);

  const loadHistory = useCallback(() => {
    call('import:history', {}).then(setHistory, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(loadHistory, [loadHistory]);
  useEffect(() => {
    let live = true;
    call('import:mappings', { kind }).then(
      (list) => {
        if (!live) return;
        setSaved(list);
        setSavedKind(kind);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [kind]);

  // A saved mapping made for a file with these columns is used at once (the user sees it named in the picker and
  // can choose another); only while the mapping is still the one Varvet proposed.
  useEffect(() => {
    if (!preview || savedKind !== preview.kind || proposedFor.current === preview) return;
    proposedFor.current = preview;
    setProposedSaved(null);
    const fits = savedForHeaders(preview.kind, saved, preview.headers);
    if (!fits) return;
    setMapping((current) => (JSON.stringify(current) === JSON.stringify(preview.proposedMapping) ? fitMapping(preview.kind, fits.mappning, preview.headers) : current));
    setProposedSaved(fits.id);
  }, [preview, saved, savedKind]);
  const inUse = preview ? savedInUse(kind, saved, mapping, preview.headers) : null;

  // A new file, sheet or kind: read the file again and start from the proposed mapping.
  useEffect(() => {
    setPreview(null);
    setCheck(null);
    setDone(null);
    setConfirming(null);
    setChoices({});
    setAsked([]);
    if (!file) return;
    let live = true;
    setError(null);
    call('import:preview', { kind, fileName: file.name, contentBase64: file.base64, sheet })
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setMapping(p.proposedMapping);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [file, sheet, kind]);

  // Every change of mapping, answers or occasion: check the whole file again (a dry run, nothing is saved).
  useEffect(() => {
    if (!preview || !file) return;
    const seq = ++checkSeq.current;
    setChecking(true);
    setConfirming(null);
    const timer = setTimeout(() => {
      call('import:run', {
        kind, fileName: file.name, contentBase64: file.base64, sheet: preview.sheet, mapping, matchChoices: choices,
        tillfalle: tillfalleKey === 'null' ? null : (JSON.parse(tillfalleKey) as { namn: string; datum: string }), dryRun: true,
        // The valid rows' effect, so the page can say what "Importera bara giltiga rader" adds and changes.
        onlyValidRows: true,
      })
        .then((r) => {
          if (seq !== checkSeq.current) return;
          setCheck(r);
          setAsked((old) => [...old, ...r.questions.filter((q) => !old.some((o) => o.nyckel === q.nyckel))]);
        })
        .catch((e: unknown) => seq === checkSeq.current && setError(errorText(e)))
        .finally(() => seq === checkSeq.current && setChecking(false));
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [preview, file, kind, mapping, choices, tillfalleKey]);

  const runImport = useCallback(
    async (onlyValidRows: boolean, confirmed = false) => {
      if (!file || !preview) return;
      // Overwriting what is already saved (a grade, a class) is never done without the list and a yes.
      if (!confirmed && check && check.andradeVarden > 0) {
        setConfirming(onlyValidRows);
        return;
      }
      setConfirming(null);
      setImporting(true);
      setError(null);
      try {
        const r = await call('import:run', {
          kind, fileName: file.name, contentBase64: file.base64, sheet: preview.sheet, mapping, matchChoices: choices,
          tillfalle: tillfalleKey === 'null' ? null : (JSON.parse(tillfalleKey) as { namn: string; datum: string }), onlyValidRows,
        });
        if (r.refused) {
          setCheck(r);
          setError(r.refused);
        } else {
          setDone(r);
          announce(`${IMPORT_KIND_TEXT[kind]} importerade: ${r.tillagda} tillagda, ${r.andrade} ändrade.`);
          // The register lists read again when they are next shown.
          useApp.setState({ elever: null, personal: null });
          setMapping((m) => ({ ...m }));
          loadHistory();
        }
      } catch (e) {
        setError(errorText(e));
      } finally {
        setImporting(false);
      }
    },
    [file, preview, check, kind, mapping, choices, tillfalleKey, announce, loadHistory],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter') return;
      const open = check ? check.problems.length + check.questions.length + check.missing.length : 1;
      if (open === 0 && !checking && !importing && confirming === null) {
        e.preventDefault();
        void runImport(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [check, checking, importing, confirming, runImport]);

  const undo = async (h: ImportHistoryEntry) => {
    if (!window.confirm(`Ångra importen av ${h.filnamn}? Alla ${h.andringar} ändringar den gjorde tas bort.`)) return;
    setUndoing(h.id);
    setError(null);
    try {
      await call('import:undo', { id: h.id });
      announce(`Importen av ${h.filnamn} är ångrad.`);
      useApp.setState({ elever: null, personal: null });
      loadHistory();
      if (preview) setMapping((m) => ({ ...m }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setUndoing(null);
    }
  };

  const onSource = useCallback((v: SourceValues) => setSource(v), []);
  const onFile = useCallback((f: ChosenFile | null) => {
    setSheet(null);
    setFile(f);
  }, []);

  return (
    <div className="page import-page">
      <header className="page-header">
        <p className="eyebrow">Import</p>
        <h1 ref={headingRef} tabIndex={-1}>
          Importera från skolplattformen
        </h1>
        <p className="muted">
          Elever, personal, grupper, undervisning och resultat från CSV eller Excel. Ingenting sparas förrän du väljer
          Importera; en fil med problem ändrar ingenting, och varje import kan ångras.
        </p>
        <div className="import-order">
          <p>Importera filerna i den här ordningen, eftersom varje fil bygger på de föregående:</p>
          <ol>
            <li>Personal (lärare och mentorer)</li>
            <li>Elever (med klass och mentor)</li>
            <li>Grupper</li>
            <li>Undervisning (lärare, grupp och ämne – kräver personal och grupper)</li>
            <li>Resultat</li>
          </ol>
        </div>
        <p className="hint">
          Kortkommandon: <Kbd keys={['Alt', '6']} /> öppnar Import · <Kbd keys={['Ctrl', 'Enter']} /> importerar när filen är
          utan problem
        </p>
      </header>
      <ErrorAlert message={error} title="Det gick inte att importera" />
      <ImportSource sheets={preview?.sheets ?? []} sheet={preview?.sheet ?? null} onChange={onSource} onFile={onFile} onSheet={setSheet} onError={setError} />
      {preview && (
        <>
          <ImportPreviewTable preview={preview} mapping={mapping} onMapping={setMapping} />
          <section className="card import-result" aria-labelledby="import-check-title">
            <h2 id="import-check-title">3. Kontrollera och importera</h2>
            <ImportMappings
              saved={saved}
              inUse={inUse}
              proposed={inUse !== null && inUse.id === proposedSaved}
              onUse={(m) => {
                setProposedSaved(null);
                setMapping(m ? fitMapping(kind, m.mappning, preview.headers) : preview.proposedMapping);
              }}
              onSave={async (kalla) => {
                try {
                  await call('import:saveMapping', { kalla, kind, mapping });
                  setSaved(await call('import:mappings', { kind }));
                  announce(`Mappningen ”${kalla}” är sparad.`);
                } catch (e) {
                  setError(errorText(e));
                }
              }}
            />
            <ImportQuestions questions={asked} choices={choices} onChoose={(k, c) => setChoices((old) => ({ ...old, [k]: c }))} />
            <ImportCheck check={check} checking={checking} importing={importing} paused={confirming !== null} onImport={(v) => void runImport(v)} />
            {confirming !== null && check && (
              <ImportConfirm
                andringar={check.andringar}
                total={check.andradeVarden}
                onlyValidRows={confirming}
                onConfirm={() => void runImport(confirming, true)}
                onCancel={() => setConfirming(null)}
              />
            )}
            {check && <ImportProblems problems={check.problems} />}
            {done && <ImportDone result={done} />}
          </section>
        </>
      )}
      <ImportHistory history={history} busyId={undoing} onUndo={(h) => void undo(h)} />
    </div>
  );
}
