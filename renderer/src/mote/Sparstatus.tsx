// Whether meeting mode's decisions have reached the database: saved, saving, retrying after a failure, or refused.
import { ErrorAlert } from '../components/ErrorAlert';
import { useMoteKo } from './ko';

export function MoteSparstatus() {
  const ko = useMoteKo((s) => s.ko);
  const fel = useMoteKo((s) => s.fel);
  const text = fel?.forsoker
    ? `Kunde inte spara ${ko.length} ändring${ko.length === 1 ? '' : 'ar'} – försöker igen. Ingenting försvinner.`
    : ko.length > 0
      ? `Sparar ${ko.length} ändring${ko.length === 1 ? '' : 'ar'}…`
      : 'Allt är sparat';
  return (
    <div className="mote-sparstatus">
      <p className={fel?.forsoker ? 'mote-spar forsoker' : ko.length > 0 ? 'mote-spar sparar' : 'mote-spar sparat'} aria-live="polite">
        {text}
      </p>
      <ErrorAlert message={fel && !fel.forsoker ? fel.text : null} title="En ändring kunde inte sparas" />
    </div>
  );
}
