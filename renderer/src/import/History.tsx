// Earlier imports, newest first, each with "Ångra importen" until it is undone.
import { IMPORT_KIND_TEXT } from '../../../shared/import/fields';
import type { ImportHistoryEntry } from '../../../shared/import/types';

interface Props {
  history: ImportHistoryEntry[];
  busyId: number | null;
  onUndo(entry: ImportHistoryEntry): void;
}

const n = (x: number) => x.toLocaleString('sv-SE');

function when(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('sv-SE')} ${d.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })}`;
}

export function ImportHistory({ history, busyId, onUndo }: Props) {
  return (
    <section className="card import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">Tidigare importer</h2>
      {history.length === 0 ? (
        <p className="muted">Inget har importerats ännu.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">När</th>
                <th scope="col">Vad</th>
                <th scope="col">Fil</th>
                <th scope="col">Rader</th>
                <th scope="col">Utfall</th>
                <th scope="col">Ångra</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>
                    <time className="import-when" dateTime={h.importerad}>
                      <span>{new Date(h.importerad).toLocaleDateString('sv-SE')}</span>
                      <span>{new Date(h.importerad).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })}</span>
                    </time>
                  </td>
                  <td>{IMPORT_KIND_TEXT[h.typ]}</td>
                  <th scope="row">
                    <span className="import-filename">{h.filnamn}</span>
                    {h.blad !== null && <span className="import-blad">blad ”{h.blad}”</span>}
                    <span className="hint" title={`SHA-256 ${h.sha256}`}>
                      {h.sha256.slice(0, 12)}
                      {h.baraGiltiga ? ' · bara giltiga rader' : ''}
                    </span>
                  </th>
                  <td>{n(h.rader)}</td>
                  <td>
                    {n(h.tillagda)} tillagda · {n(h.andrade)} ändrade · {n(h.oforandrade)} oförändrade · {n(h.hoppade)} hoppade över
                  </td>
                  <td>
                    {h.angrad ? (
                      <span className="muted">Ångrad {when(h.angrad)}</span>
                    ) : h.andringar === 0 ? (
                      <span className="muted">Inga ändringar</span>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={busyId !== null}
                        aria-label={`Ångra importen av ${h.filnamn} ${when(h.importerad)}`}
                        onClick={() => onUndo(h)}
                      >
                        {busyId === h.id ? 'Ångrar…' : 'Ångra importen'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
