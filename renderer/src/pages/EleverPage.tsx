// Elever: every active pupil in a windowed list, filtered in memory as the user types (no request per keystroke).
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Elev } from '../../../shared/model';
import { errorText } from '../api';
import { ElevFlags } from '../components/ElevFlags';
import { ErrorAlert } from '../components/ErrorAlert';
import { Kbd } from '../components/Kbd';
import { VirtualList, type Column } from '../components/VirtualList';
import { antalText, elevListNamn } from '../format';
import { arskursText } from '../../../shared/labels';
import { useApp } from '../store';

const COLUMNS: Column<Elev>[] = [
  { key: 'namn', header: 'Namn', render: (e) => elevListNamn(e), className: 'cell-name' },
  { key: 'arskurs', header: 'Årskurs', render: (e) => arskursText(e.arskurs) },
  { key: 'klass', header: 'Klass', render: (e) => e.klass ?? '–' },
  { key: 'mentor', header: 'Mentor', render: (e) => e.mentor ?? '–' },
  { key: 'flaggor', header: 'Särskilt att notera', render: (e) => <ElevFlags elev={e} compact /> },
];
const TEMPLATE = 'minmax(12rem, 2fr) 5.5rem 6rem minmax(10rem, 1.6fr) minmax(14rem, 1.6fr)';

/** Lower-case text to search in: both name orders and the class, so "anna 7b" and "berg anna" both match. */
function searchText(e: Elev): string {
  return `${e.fornamn} ${e.efternamn} ${e.efternamn} ${e.fornamn} ${e.klass ?? ''}`.toLocaleLowerCase('sv');
}

function useFilteredElever(elever: Elev[] | null, query: string): Elev[] {
  const index = useMemo(() => (elever ?? []).map((e) => ({ elev: e, text: searchText(e) })), [elever]);
  return useMemo(() => {
    const terms = query.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    if (terms.length === 0) return index.map((x) => x.elev);
    return index.filter((x) => terms.every((t) => x.text.includes(t))).map((x) => x.elev);
  }, [index, query]);
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
  const query = useDeferredValue(eleverQuery);
  const shown = useFilteredElever(elever, query);
  const activeIndex = shown.findIndex((e) => e.id === eleverActiveId);

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

  return (
    <div className="page page-fill">
      <header className="page-header">
        <h1>Elever</h1>
      </header>
      <div className="search-bar">
        <div className="field search-field">
          <label htmlFor="elev-sok">Sök elev</label>
          <input
            ref={searchRef}
            id="elev-sok"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Namn eller klass, t.ex. ”Anna 7B”"
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
              } else if (e.key === 'Enter' && firstMatch) {
                e.preventDefault();
                open(shown[Math.max(0, activeIndex)] ?? firstMatch);
              }
            }}
          />
        </div>
        <p className="result-count" role="status">
          {elever === null
            ? 'Hämtar elever…'
            : `Visar ${antalText(shown.length)} av ${antalText(elever.length)} elever`}
        </p>
      </div>
      <p className="shortcut-help">
        <Kbd keys={['↓']} /> till listan · <Kbd keys={['↑']} /> <Kbd keys={['↓']} /> <Kbd keys={['PageUp']} />{' '}
        <Kbd keys={['PageDown']} /> <Kbd keys={['Home']} /> <Kbd keys={['End']} /> flytta · <Kbd keys={['Enter']} /> öppna
        eleven
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
        emptyText={elever === null ? 'Hämtar elever…' : 'Ingen elev matchar sökningen.'}
      />
    </div>
  );
}
