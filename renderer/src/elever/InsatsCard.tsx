// One insats as the EHT sees it: what, why (förväntad effekt), who, since when, its status and every evaluation.
import type { KedjeBedomning } from '../../../shared/index';
import type { Beslut, Effektbedomning, Insats } from '../../../shared/model';
import { BEDOMNING_TEXT, BESLUT_TEXT, INSATS_STATUS_TEXT, INSATS_TYP_TEXT } from '../../../shared/labels';
import { datumMedVecka } from '../format';
import { BedomEffektForm } from './BedomEffektForm';

interface InsatsCardProps {
  insats: Insats;
  kedja: KedjeBedomning[];
  evaluating: boolean;
  onEvaluate(): void;
  onCancel(): void;
  onSaved(insats: Insats, beslut: Beslut): void;
}

function Evaluation({ b }: { b: Effektbedomning }) {
  return (
    <li className="evaluation">
      <p>
        <time dateTime={b.datum}>{datumMedVecka(b.datum)}</time>: <strong>{BEDOMNING_TEXT[b.bedomning]}</strong>
        {b.maletNatt && ', målet är nått'} → beslut: <strong>{BESLUT_TEXT[b.beslut]}</strong>
      </p>
      {b.underlag && <p className="muted">Underlag: {b.underlag}</p>}
      {b.beslut !== b.rekommendation && (
        <p className="muted">
          Avviker från rekommendationen ({BESLUT_TEXT[b.rekommendation]}). Motivering: {b.motivering}
        </p>
      )}
    </li>
  );
}

export function InsatsCard({ insats, kedja, evaluating, onEvaluate, onCancel, onSaved }: InsatsCardProps) {
  const headingId = `insats-${insats.id}-rubrik`;
  return (
    <article className={`card insats status-${insats.status}`} aria-labelledby={headingId}>
      <header className="insats-header">
        <h3 id={headingId} tabIndex={-1}>
          {insats.beskrivning}
        </h3>
        <p className="tags">
          <span className={`tag status-tag status-${insats.status}`}>{INSATS_STATUS_TEXT[insats.status]}</span>
          <span className="tag">{INSATS_TYP_TEXT[insats.typ]}</span>
          {insats.amne && <span className="tag">{insats.amne}</span>}
        </p>
      </header>
      <dl className="facts">
        <div className="wide">
          <dt>Förväntad effekt</dt>
          <dd>{insats.forvantadEffekt}</dd>
        </div>
        <div>
          <dt>Genomförs av</dt>
          <dd>{insats.genomforsAv ?? 'Ingen angiven'}</dd>
        </div>
        <div>
          <dt>Återkopplar</dt>
          <dd>{insats.aterkopplar ?? 'Ingen angiven'}</dd>
        </div>
        <div>
          <dt>Startade</dt>
          <dd>
            <time dateTime={insats.startdatum}>{datumMedVecka(insats.startdatum)}</time>
            {insats.slutdatum && (
              <>
                {' '}
                – slutade <time dateTime={insats.slutdatum}>{datumMedVecka(insats.slutdatum)}</time>
              </>
            )}
          </dd>
        </div>
      </dl>
      <div className="evaluations">
        <h4>Effektbedömningar</h4>
        {insats.bedomningar.length === 0 ? (
          <p className="muted">Inte bedömd ännu.</p>
        ) : (
          <ol>
            {insats.bedomningar.map((b) => (
              <Evaluation key={b.id} b={b} />
            ))}
          </ol>
        )}
      </div>
      {insats.status === 'aktiv' &&
        (evaluating ? (
          <BedomEffektForm insats={insats} kedja={kedja} onSaved={onSaved} onCancel={onCancel} />
        ) : (
          <button type="button" className="button" onClick={onEvaluate}>
            Bedöm effekt
          </button>
        ))}
    </article>
  );
}
