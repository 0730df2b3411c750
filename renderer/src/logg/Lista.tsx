// The Logg tab: the chain's status, filters, the log newest first in a windowed list (Enter opens an entry), and
// "Visa fler" for the next page. Filters apply as they change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { AUDIT_OPERATIONER, type AuditOperation, type LoggKedja, type LoggPost } from '../../../shared/channels/audit';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoggDetalj } from './Detalj';
import { OPERATION_TEXT, loggTid, tabellText } from './labels';
import { VirtualList, type Column } from '../components/VirtualList';

interface Filter {
  tabell: string;
  kanal: string;
  operation: AuditOperation | '';
  elevId: string;
  fran: string;
  till: string;
}

const SIDA = 300;
const TOM: Filter = { tabell: '', kanal: '', operation: '', elevId: '', fran: '', till: '' };

const COLUMNS: Column<LoggPost>[] = [
  { key: 'id', header: 'Post', render: (p) => p.id },
  { key: 'tid', header: 'Tid', render: (p) => loggTid(p.tid).slice(0, 16) },
  { key: 'op', header: 'Ändring', render: (p) => `${OPERATION_TEXT[p.operation]}${p.tabell ? `: ${tabellText(p.tabell)}` : ''}${p.gallrad ? ' (gallrad)' : ''}` },
  { key: 'kanal', header: 'Funktion', render: (p) => p.kanal ?? '–' },
  { key: 'vem', header: 'Vem', render: (p) => p.vem ?? '–' },
];

function args(f: Filter, offset: number) {
  const elev = Number(f.elevId);
  return {
    tabell: f.tabell || null,
    kanal: f.kanal || null,
    operation: f.operation || null,
    elevId: Number.isInteger(elev) && elev > 0 ? elev : null,
    fran: f.fran || null,
    till: f.till || null,
    offset,
    limit: SIDA,
  };
}

export function LoggLista() {
  const { register, watch, reset, setValue } = useForm<Filter>({ defaultValues: TOM });
  const filter = watch();
  const key = JSON.stringify(filter);
  const [poster, setPoster] = useState<LoggPost[]>([]);
  const [totalt, setTotalt] = useState(0);
  const [val, setVal] = useState<{ tabeller: string[]; kanaler: string[] }>({ tabeller: [], kanaler: [] });
  const [kedja, setKedja] = useState<LoggKedja | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState<LoggPost | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const load = useCallback((f: Filter, offset: number) => {
    call('logg:list', args(f, offset))
      .then((sida) => {
        setPoster((prev) => (offset === 0 ? sida.poster : [...prev, ...sida.poster]));
        setTotalt(sida.totalt);
        setVal({ tabeller: sida.tabeller, kanaler: sida.kanaler });
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  useEffect(() => {
    setActive(-1);
    load(JSON.parse(key) as Filter, 0);
  }, [key, load]);

  useEffect(() => {
    call('logg:verify', {})
      .then(setKedja)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const close = () => {
    setOpen(null);
    window.setTimeout(() => listRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus(), 0);
  };

  return (
    <div className="logg-lista" onKeyDown={(e) => e.key === 'Escape' && open && close()}>
      {kedja && (
        <p className={kedja.ok ? 'logg-kedja ok' : 'logg-kedja bruten'} role="status">
          {kedja.ok ? '✓ ' : '✗ '}
          {kedja.text}
          {kedja.oforseglade > 0 && ` ${kedja.oforseglade} poster väntar på försegling.`}
        </p>
      )}
      <ErrorAlert message={error} title="Loggen kunde inte hämtas" />
      <form className="logg-filter" aria-label="Filtrera loggen" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="logg-tabell">Uppgift</label>
          <select id="logg-tabell" {...register('tabell')}>
            <option value="">Alla</option>
            {val.tabeller.map((t) => (
              <option key={t} value={t}>
                {tabellText(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="logg-operation">Ändring</label>
          <select id="logg-operation" {...register('operation')}>
            <option value="">Alla</option>
            {AUDIT_OPERATIONER.map((o) => (
              <option key={o} value={o}>
                {OPERATION_TEXT[o]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="logg-kanal">Funktion</label>
          <select id="logg-kanal" {...register('kanal')}>
            <option value="">Alla</option>
            {val.kanaler.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="logg-elev">Elev-id</label>
          <input id="logg-elev" type="text" inputMode="numeric" className="logg-elev" {...register('elevId')} />
        </div>
        <div className="field">
          <label htmlFor="logg-fran">Från</label>
          <input id="logg-fran" type="date" {...register('fran')} />
        </div>
        <div className="field">
          <label htmlFor="logg-till">Till</label>
          <input id="logg-till" type="date" {...register('till')} />
        </div>
        <button type="button" className="button" onClick={() => reset(TOM)}>
          Rensa filter
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {totalt === 0 ? 'Inga poster.' : `Visar ${poster.length} av ${totalt} poster, nyaste först.`}
      </p>
      <div className="logg-grid" ref={listRef}>
        <div className="logg-tabell">
          <VirtualList
            id="logg-poster"
            label="Loggposter"
            items={poster}
            columns={COLUMNS}
            template="3.5rem 9.75rem minmax(9rem, 2fr) minmax(7rem, 1fr) minmax(5rem, 1fr)"
            rowHeight={36}
            getKey={(p) => p.id}
            activeIndex={active}
            onActiveIndexChange={setActive}
            onOpen={(p) => {
              setOpen(p);
              window.setTimeout(() => document.getElementById('logg-detalj-rubrik')?.focus(), 0);
            }}
            emptyText="Inga poster matchar filtret."
          />
          {poster.length < totalt && (
            <button type="button" className="button" onClick={() => load(filter, poster.length)}>
              Visa fler
            </button>
          )}
        </div>
        {open && <LoggDetalj post={open} onClose={close} onElev={(id) => (setOpen(null), setValue('elevId', String(id)))} />}
      </div>
    </div>
  );
}
