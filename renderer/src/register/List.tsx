// One register tab's list: a search box filtering in memory, the windowed grid, and inline editing of the active row
// (Enter, F2 or a click edits; Esc cancels). Used by Personal, Grupper, Undervisning and Ämnen.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { antalText } from '../format';
import { useApp } from '../store';
import { Kbd } from '../components/Kbd';
import { SaveState, type CloseHow, type SaveReporter, type SaveStatus } from './InlineEdit';
import { VirtualList, type Column } from '../components/VirtualList';

export interface RegisterListProps<T extends { id: number }> {
  id: string;
  /** The grid's accessible name, e.g. "Personal". */
  label: string;
  searchLabel: string;
  placeholder: string;
  items: T[] | null;
  columns: Column<T>[];
  template: string;
  searchText(item: T): string;
  /** "personer", "grupper" … for "Visar 3 av 40 personer". */
  noun: string;
  editorHeight: number;
  renderEditor(item: T, close: (how: CloseHow) => void, report: SaveReporter): ReactNode;
  status: SaveStatus;
  report: SaveReporter;
  /** Asks the list to make this row active, e.g. after "Ny …" created it. */
  activeRequest?: number | null;
}

function useFiltered<T>(items: T[] | null, query: string, searchText: (item: T) => string): T[] {
  const index = useMemo(() => (items ?? []).map((item) => ({ item, text: searchText(item).toLocaleLowerCase('sv') })), [items, searchText]);
  return useMemo(() => {
    const terms = query.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    if (terms.length === 0) return index.map((x) => x.item);
    return index.filter((x) => terms.every((t) => x.text.includes(t))).map((x) => x.item);
  }, [index, query]);
}

export function RegisterList<T extends { id: number }>(props: RegisterListProps<T>) {
  const { id, items, report } = props;
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<number | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchRequest = useApp((s) => s.searchRequest);
  // Not deferred: a lagging list would make Enter and the arrows act on the matches of an older search text.
  const shown = useFiltered(items, query, props.searchText);
  const activeIndex = shown.findIndex((x) => x.id === activeId);
  const editingIndex = shown.findIndex((x) => x.id === editingId);

  useEffect(() => searchRef.current?.focus(), []);
  useEffect(() => {
    if (searchRequest > 0) searchRef.current?.select();
  }, [searchRequest]);

  // A row the parent just created becomes active in the same render (state adjusted from props), then the grid
  // takes focus; an effect would run too late and the grid's focus handler would pick the first row instead.
  const [seenRequest, setSeenRequest] = useState(props.activeRequest);
  if (props.activeRequest !== seenRequest) {
    setSeenRequest(props.activeRequest);
    if (props.activeRequest != null) {
      setQuery('');
      setActiveId(props.activeRequest);
    }
  }
  useLayoutEffect(() => {
    if (props.activeRequest != null) document.getElementById(id)?.focus();
  }, [props.activeRequest, id]);

  const edit = (item: T) => {
    setActiveId(item.id);
    setEditingId(item.id);
  };
  // A save that ends after the user already started editing another row must not close that row's editor.
  const close = (itemId: number, how: CloseHow) => {
    setEditingId((current) => (current === itemId ? null : current));
    // At once, not a frame later: a delayed focus could land after N has opened a form and steal its keys.
    if (how === 'keyboard') document.getElementById(id)?.focus();
  };

  return (
    <>
      <div className="search-bar">
        <div className="field search-field">
          <label htmlFor={`${id}-sok`}>{props.searchLabel}</label>
          <input
            ref={searchRef}
            id={`${id}-sok`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={props.placeholder}
            aria-controls={id}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveId(null);
              setEditingId(null);
            }}
            onKeyDown={(e) => {
              const first = shown[0];
              if (e.key === 'ArrowDown' && first) {
                e.preventDefault();
                setActiveId(first.id);
                document.getElementById(id)?.focus();
              } else if (e.key === 'Enter' && first) {
                e.preventDefault();
                edit(shown[Math.max(0, activeIndex)] ?? first);
              }
            }}
          />
        </div>
        <p className="result-count" role="status">
          {items === null ? 'Hämtar…' : `Visar ${antalText(shown.length)} av ${antalText(items.length)} ${props.noun}`}
        </p>
        <SaveState status={props.status} />
      </div>
      <p className="shortcut-help">
        <Kbd keys={['↓']} /> till listan · <Kbd keys={['↑']} /> <Kbd keys={['↓']} /> flytta · <Kbd keys={['Enter']} /> eller{' '}
        <Kbd keys={['F2']} /> ändra raden · <Kbd keys={['Tab']} /> nästa fält · <Kbd keys={['Enter']} /> spara ·{' '}
        <Kbd keys={['Esc']} /> avbryt
      </p>
      <VirtualList
        id={id}
        label={props.label}
        items={shown}
        columns={props.columns}
        template={props.template}
        rowHeight={44}
        getKey={(x) => x.id}
        activeIndex={activeIndex}
        onActiveIndexChange={(i) => setActiveId(shown[i]?.id ?? null)}
        onOpen={edit}
        onEdit={edit}
        editingIndex={editingIndex}
        editorHeight={props.editorHeight}
        renderEditor={(item) => props.renderEditor(item, (how) => close(item.id, how), report)}
        emptyText={items === null ? 'Hämtar…' : 'Inget i registret matchar sökningen.'}
        scrollResetKey={query}
      />
    </>
  );
}
