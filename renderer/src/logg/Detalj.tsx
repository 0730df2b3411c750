// One audit entry: who, when, through which function, and its before/after side by side with changed fields marked.
import type { LoggPost } from '../../../shared/channels/audit';
import { OPERATION_TEXT, loggTid, tabellText } from './labels';

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '(tomt)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function LoggDetalj({ post, onClose, onElev }: { post: LoggPost; onClose(): void; onElev(elevId: number): void }) {
  const keys = [...new Set([...Object.keys(post.fore ?? {}), ...Object.keys(post.efter ?? {})])];
  return (
    <section className="logg-detalj card" aria-labelledby="logg-detalj-rubrik">
      <h2 id="logg-detalj-rubrik" tabIndex={-1}>
        Post {post.id}: {OPERATION_TEXT[post.operation]} {post.tabell ? `– ${tabellText(post.tabell)}` : ''}
      </h2>
      <dl className="logg-fakta">
        <dt>Tid</dt>
        <dd>{loggTid(post.tid)}</dd>
        <dt>Vem</dt>
        <dd>{post.vem ?? '–'}</dd>
        <dt>Funktion</dt>
        <dd>
          <code>{post.kanal ?? '–'}</code>
        </dd>
        {post.radId !== null && (
          <>
            <dt>Rad</dt>
            <dd>{post.radId}</dd>
          </>
        )}
      </dl>
      {post.gallrad && <p className="logg-gallrad">Innehållet är gallrat. Posten visar bara att en ändring gjordes.</p>}
      {keys.length > 0 && !post.gallrad && (
        <table className="logg-diff">
          <caption className="visually-hidden">Före och efter</caption>
          <thead>
            <tr>
              <th scope="col">Fält</th>
              <th scope="col">Före</th>
              <th scope="col">Efter</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const fore = post.fore ? show(post.fore[k]) : '';
              const efter = post.efter ? show(post.efter[k]) : '';
              const changed = post.operation === 'U' && fore !== efter;
              return (
                <tr key={k} className={changed ? 'logg-andrad' : undefined}>
                  <th scope="row">
                    {k}
                    {changed && <span className="visually-hidden"> (ändrat)</span>}
                  </th>
                  <td>{fore}</td>
                  <td>{efter}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="logg-knappar">
        {post.elevId !== null && (
          <button type="button" className="button" onClick={() => onElev(post.elevId as number)}>
            Visa alla poster om eleven
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Stäng <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
