// Elever: every active pupil in a windowed list, filtered in memory as the user types (no request per keystroke).
// The filter is not deferred: filtering 1,200 pupils and drawing a screenful of rows takes a few milliseconds, and a
// deferred (lagging) list made Enter, Home, End and the arrows act on the matches of the text before the last key.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Elev } from '../../../shared/model';
import { errorText } from '../api';
import { ElevFlags } from './Flags';
import { ErrorAlert } from '../components/ErrorAlert';
import { Kbd } from '../components/Kbd';
import { ElevRowEditor, NyElevForm } from '../register/Elev';
import { SaveState, useSaveState } from '../register/InlineEdit';
import { isTyping } from '../components/useShortcuts';
import { VirtualList, type Column } from '../components/VirtualList';
import { antalText, datum, elevIdText, elevListNamn } from '../format';
import { arskursText } from '../../../shared/labels';
import { byNamn, useApp } from '../store';
import '../register/register.css';
import { enkelTangentAv } from '../components/enkelTangent';

const COLUMNS: Column<Elev>[] = [
  {
    key: 'namn',
    header: 'Namn',
    render: (e) => (
      <>
        {elevListNamn(e)}
        {e.externId && <span className="elev-id"> {elevIdText(e)}</span>}
      </>
    ),
    className: 'cell-name',
  },
  { key: 'arskurs', header: 'Årskurs', render: (e) => arskursText(e.arskurs) },
  { key: 'klass', header: 'Klass', render: (e) => e.klass ?? '–' },
  { key: 'mentor', header: 'Mentor', render: (e) => e.mentor ?? '–' },
  {
    key: 'flaggor',
    header: 'Särskilt att notera',
    render: (e) => (
      <>
        {!e.aktiv && <span className="tag tag-slutat">Slutat {datum(e.slutat)}</span>} <ElevFlags elev={e} compact />
      </>
    ),
  },
];
const TEMPLATE = 'minmax(19rem, 2.6fr) 5.5rem 6rem minmax(10rem, 1.6fr) minmax(14rem, 1.6fr)';

/**
 * Lower-case text to search in: both name orders and the class, so "anna 7b" and "berg anna" both match; and the
 * pupil's protokoll code, so a question about "AA-701" in shared minutes finds the pupil; and the Elev-ID, which
 * tells apart two pupils with the same name and class.
 */
function searchText(e: Elev): string {
  return `${e.fornamn} ${e.efternamn} ${e.efternamn} ${e.fornamn} ${e.klass ?? ''} ${e.pseudonym ?? ''} ${e.externId ?? ''}`.toLocaleLowerCase('sv');
}

type SearchIndex = { elev: Elev; text: string }[];

function filterIndex(index: SearchIndex, query: string): Elev[] {
  const terms = query.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  if (terms.length === 0) return index.map((x) => x.elev);
  return index.filter((x) => terms.every((t) => x.text.includes(t))).map((x) => x.elev);
}

function useFilteredElever(elever: Elev[] | null, query: string): { shown: Elev[]; index: SearchIndex } {
  const index = useMemo(() => (elever ?? []).map((e) => ({ elev: e, text: searchText(e) })), [elever]);
  const shown = useMemo(() => filterIndex(index, query), [index, query]);
  return { shown, index };
}

export function EleverPage() {
  const elever = useApp((s) => s.elever);
  const eleverQuery = useApp((s) => s.eleverQuery);
  const eleverActiveId = useApp((s) => s.eleverActiveId);
  const searchRequest = useApp((s) => s.searchRequest);
  const { loadElever, setEleverQuery, setEleverActiveId, navigate } = useApp.getState();
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridId = 'elevlista';
  // Register editing: "Ny elev", inline editing of a row (F2), and pupils who have left behind a filter.
  const eleverSlutat = useApp((s) => s.eleverSlutat);
  const [visaSlutat, setVisaSlutat] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [saveStatus, report] = useSaveState();
  const listed = useMemo(
    () => (visaSlutat && elever && eleverSlutat ? [...elever, ...eleverSlutat].sort(byNamn) : elever),
    [visaSlutat, elever, eleverSlutat],
  );
  const { shown, index: searchIndex } = useFilteredElever(listed, eleverQuery);
  // Enter in the search box while the list is still loading opens the first match as soon as it is there.
  const [openWhenLoaded, setOpenWhenLoaded] = useState(false);
  const activeIndex = shown.findIndex((e) => e.id === eleverActiveId);
  const editingIndex = shown.findIndex((e) => e.id === editingId);

  useEffect(() => {
    if (visaSlutat && eleverSlutat === null) useApp.getState().loadEleverSlutat().catch((e: unknown) => setError(errorText(e)));
  }, [visaSlutat, eleverSlutat]);

  // N opens "Ny elev" when the user is not typing (e.g. from the list).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || enkelTangentAv(e) || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target) || creating) return;
      if (editingId !== null) return;
      e.preventDefault();
      // Rendered at once (not at React's next tick), so keys typed right after N land in the new form.
      flushSync(() => setCreating(true));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [creating, editingId]);

  const closeEditor = (elevId: number, how: 'keyboard' | 'blur') => {
    // Rendered at once and focused in the same task, so the next key already reaches the list.
    flushSync(() => setEditingId((current) => (current === elevId ? null : current)));
    if (how === 'keyboard') document.getElementById(gridId)?.focus();
  };

  useEffect(() => {
    if (elever === null) loadElever().catch((e: unknown) => setError(errorText(e)));
  }, [elever, loadElever]);

  // Returning from a pupil puts focus back on that pupil's row; otherwise the search box gets it. Decided once,
  // when the screen opens, so focus never jumps while the user works in the list.
  const returning = useRef(eleverActiveId !== null && elever !== null);
  useEffect(() => {
    if (returning.current) document.getElementById(gridId)?.focus();
    else searchRef.current?.focus();
  }, []);

  useEffect(() => {
    if (searchRequest > 0) searchRef.current?.select();
  }, [searchRequest]);

  const open = (elev: Elev) => {
    setEleverActiveId(elev.id);
    navigate({ name: 'elev', elevId: elev.id });
  };
  useEffect(() => {
    if (!openWhenLoaded || elever === null) return;
    setOpenWhenLoaded(false);
    const first = filterIndex(searchIndex, useApp.getState().eleverQuery)[0];
    if (first) open(first);
  }, [openWhenLoaded, elever, searchIndex]);

  return (
    <div className="page page-fill">
      <header className="page-header register-header">
        <h1>Elever</h1>
        {!creating && (
          <button type="button" className="button primary" aria-keyshortcuts="N" onClick={() => setCreating(true)}>
            Ny elev <Kbd keys={['N']} decorative />
          </button>
        )}
      </header>
      {creating && (
        <NyElevForm
          onCancel={() => setCreating(false)}
          onCreated={(elev) => {
            // The list with the new pupil active is on screen and has the focus before the next key arrives
            // (a focus a frame later could land after F2 has opened the row editor and close it again).
            flushSync(() => {
              setCreating(false);
              setEleverQuery('');
              setEleverActiveId(elev.id);
              report.saved(`${elev.fornamn} ${elev.efternamn} är tillagd`);
            });
            document.getElementById(gridId)?.focus();
          }}
        />
      )}
      <div className="search-bar">
        <div className="field search-field">
          <label htmlFor="elev-sok">Sök elev</label>
          <input
            ref={searchRef}
            id="elev-sok"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Namn, klass eller protokollkod, t.ex. ”Anna 7B”"
            aria-controls={gridId}
            aria-keyshortcuts="Control+F /"
            value={eleverQuery}
            onChange={(e) => {
              setEleverQuery(e.target.value);
              setEleverActiveId(null);
            }}
            onKeyDown={(e) => {
              const firstMatch = shown[0];
              if (e.key === 'ArrowDown' && firstMatch) {
                e.preventDefault();
                setEleverActiveId(firstMatch.id);
                document.getElementById(gridId)?.focus();
              } else if (e.key === 'Enter') {
                e.preventDefault();
                if (elever === null) {
                  setOpenWhenLoaded(true);
                  return;
                }
                const chosen = shown[activeIndex] ?? shown[0];
                if (chosen) open(chosen);
              }
            }}
          />
        </div>
        <p className="result-count" role="status">
          {elever === null
            ? 'Hämtar elever…'
            : `Visar ${antalText(shown.length)} av ${antalText(listed?.length ?? 0)} elever`}
        </p>
        <label className="checkbox elever-filter" htmlFor="visa-slutat">
          <input id="visa-slutat" type="checkbox" checked={visaSlutat} onChange={(e) => setVisaSlutat(e.target.checked)} />
          Visa elever som slutat
        </label>
        <SaveState status={saveStatus} />
      </div>
      <p className="shortcut-help">
        <Kbd keys={['↓']} /> till listan · <Kbd keys={['↑']} /> <Kbd keys={['↓']} /> <Kbd keys={['PageUp']} />{' '}
        <Kbd keys={['PageDown']} /> <Kbd keys={['Home']} /> <Kbd keys={['End']} /> flytta · <Kbd keys={['Enter']} /> öppna
        eleven · <Kbd keys={['F2']} /> ändra raden (<Kbd keys={['Tab']} /> nästa fält, <Kbd keys={['Enter']} /> spara,{' '}
        <Kbd keys={['Esc']} /> avbryt) · <Kbd keys={['N']} /> ny elev
      </p>
      <ErrorAlert message={error} title="Elevlistan kunde inte visas" />
      <VirtualList
        id={gridId}
        label="Elever"
        items={shown}
        columns={COLUMNS}
        template={TEMPLATE}
        rowHeight={44}
        getKey={(e) => e.id}
        activeIndex={activeIndex}
        onActiveIndexChange={(i) => setEleverActiveId(shown[i]?.id ?? null)}
        onOpen={open}
        onEdit={(e) => {
          setEleverActiveId(e.id);
          setEditingId(e.id);
        }}
        editingIndex={editingIndex}
        editorHeight={150}
        renderEditor={(e) => <ElevRowEditor key={e.id} elev={e} close={(how) => closeEditor(e.id, how)} report={report} />}
        scrollResetKey={`${eleverQuery}\u0000${visaSlutat}`}
        emptyText={
          elever === null ? (
            'Hämtar elever…'
          ) : elever.length === 0 ? (
            <>
              Inga elever ännu —{' '}
              <button type="button" className="link-button" onClick={() => navigate({ name: 'import' })}>
                importera från skolplattformen
              </button>{' '}
              eller lägg till en med Ny elev.
            </>
          ) : (
            'Ingen elev matchar sökningen.'
          )
        }
      />
    </div>
  );
}
