// A windowed grid with fixed row height: only the rows in view (plus a margin) are in the DOM, so 1,200 pupils
// scroll and filter without delay. Focus stays on the grid and aria-activedescendant points at the active row,
// which is always rendered, so keyboard and screen-reader users keep their place while the window moves.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render(item: T): ReactNode;
  className?: string;
}

interface VirtualListProps<T> {
  id: string;
  label: string;
  items: readonly T[];
  columns: readonly Column<T>[];
  /** CSS grid-template-columns shared by the header and every row. */
  template: string;
  rowHeight: number;
  getKey(item: T): string | number;
  /** -1 when no row is active. */
  activeIndex: number;
  onActiveIndexChange(index: number): void;
  onOpen(item: T, index: number): void;
  /** Shown below the header when there are no rows: what is true (e.g. no pupils yet, or none match), with a way on. */
  emptyText: ReactNode;
  /** Inline editing: F2 asks to edit the active row; the row at editingIndex shows renderEditor, editorHeight tall. */
  onEdit?(item: T, index: number): void;
  editingIndex?: number;
  editorHeight?: number;
  renderEditor?(item: T, index: number): ReactNode;
  /** When this changes (e.g. the search text), the list scrolls back to the top so the first matches are seen. */
  scrollResetKey?: unknown;
}

const OVERSCAN = 8;

function useViewportHeight(ref: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { id, items, columns, template, rowHeight, activeIndex, onActiveIndexChange, onOpen } = props;
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = useViewportHeight(viewportRef);
  const pageSize = Math.max(1, Math.floor(height / rowHeight) - 1);
  const editingIndex = props.renderEditor ? (props.editingIndex ?? -1) : -1;
  // The row being edited is taller; rows after it move down by the difference (the overscan covers the shift).
  const extra = editingIndex >= 0 ? Math.max(0, (props.editorHeight ?? rowHeight) - rowHeight) : 0;
  const topOf = (index: number) => index * rowHeight + (editingIndex >= 0 && index > editingIndex ? extra : 0);
  const heightOf = (index: number) => (index === editingIndex ? rowHeight + extra : rowHeight);

  // A new search starts at the top: the old scroll position would hide the first matches of a shorter list.
  useLayoutEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    el.scrollTop = 0;
    setScrollTop(0);
  }, [props.scrollResetKey]);

  // Keep the active row in view whenever it changes (keyboard, search, or returning to the list).
  useEffect(() => {
    const el = viewportRef.current;
    if (!el || activeIndex < 0) return;
    const top = topOf(activeIndex);
    const bottom = top + heightOf(activeIndex);
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  }, [activeIndex, rowHeight, height, editingIndex, extra]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  if (activeIndex >= 0 && activeIndex < items.length && (activeIndex < first || activeIndex > last)) {
    indexes.push(activeIndex);
  }

  const move = (to: number) => {
    if (items.length === 0) return;
    onActiveIndexChange(Math.min(items.length - 1, Math.max(0, to)));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into an inline editor's fields belong to the editor, not to the list.
    if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return;
    const from = activeIndex < 0 ? -1 : activeIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(from + 1),
      ArrowUp: () => move(Math.max(0, from - 1)),
      PageDown: () => move(from + pageSize),
      PageUp: () => move(from - pageSize),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => {
        const item = items[activeIndex];
        if (item !== undefined) onOpen(item, activeIndex);
      },
      F2: () => {
        const item = items[activeIndex];
        if (item !== undefined) props.onEdit?.(item, activeIndex);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const activeId = activeIndex >= 0 && activeIndex < items.length ? `${id}-row-${activeIndex}` : undefined;
  const empty = items.length === 0;
  return (
    <>
    <div
      id={id}
      className={empty ? 'vlist is-empty' : 'vlist'}
      role="grid"
      aria-label={props.label}
      aria-rowcount={items.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && activeIndex < 0) move(0);
      }}
    >
      <div role="rowgroup" className="vlist-head">
        <div role="row" aria-rowindex={1} className="vlist-row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" className={c.className}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      {/* The scrolling part is a stop of its own with a name, so it can be scrolled by keyboard too (axe
          scrollable-region-focusable); the arrow keys on the grid itself move the active row. */}
      <div
        ref={viewportRef}
        role="rowgroup"
        aria-label={`${props.label}, rullbar lista`}
        tabIndex={empty ? undefined : 0}
        className="vlist-viewport"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div className="vlist-spacer" style={{ height: items.length * rowHeight + extra }}>
          {indexes.map((index) => {
            const item = items[index];
            if (item === undefined) return null;
            const active = index === activeIndex;
            if (index === editingIndex && props.renderEditor) {
              return (
                <div
                  key={props.getKey(item)}
                  id={`${id}-row-${index}`}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={active}
                  className="vlist-row active editing"
                  style={{ height: heightOf(index), transform: `translateY(${topOf(index)}px)` }}
                >
                  <div role="gridcell" aria-colspan={columns.length} className="vlist-editor">
                    {props.renderEditor(item, index)}
                  </div>
                </div>
              );
            }
            return (
              <div
                key={props.getKey(item)}
                id={`${id}-row-${index}`}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={active}
                className={active ? 'vlist-row active' : 'vlist-row'}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${topOf(index)}px)` }}
                onClick={() => {
                  onActiveIndexChange(index);
                  onOpen(item, index);
                }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="gridcell" className={c.className}>
                    {c.render(item)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
    {/* Outside the grid: a grid holds rows only. */}
    {empty && <div className="vlist-empty">{props.emptyText}</div>}
    </>
  );
}
