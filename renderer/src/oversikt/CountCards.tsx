// The school in numbers, straight from the database.
import type { Oversikt } from '../../../shared/contract';
import { antalText } from '../format';

const LABELS: { key: keyof Oversikt['antal']; label: string }[] = [
  { key: 'elever', label: 'Elever' },
  { key: 'personal', label: 'Personal' },
  { key: 'grupper', label: 'Grupper' },
  { key: 'aktivaInsatser', label: 'Aktiva insatser' },
  { key: 'bedomningar', label: 'Bedömningar' },
  { key: 'pagaendeUtredningar', label: 'Pågående utredningar' },
];

export function CountCards({ antal }: { antal: Oversikt['antal'] }) {
  return (
    <section aria-labelledby="antal-rubrik" className="section">
      <h2 id="antal-rubrik">Skolan i siffror</h2>
      <ul className="counts">
        {LABELS.map(({ key, label }) => (
          <li key={key} className="count" aria-label={`${label}: ${antalText(antal[key])}`}>
            <span className="count-value" aria-hidden="true">
              {antalText(antal[key])}
            </span>
            <span className="count-label" aria-hidden="true">
              {label}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
