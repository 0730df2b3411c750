// The recommended decision with its reasons (the seed's rule quoted), and a warning flag when there is one.
import type { DecisionRecommendation } from '../../../shared/index';
import { BESLUT_TEXT } from '../../../shared/labels';

export function Recommendation({ recommendation }: { recommendation: DecisionRecommendation | null }) {
  if (!recommendation) {
    return (
      <div className="recommendation empty" aria-live="polite">
        <p>Välj en bedömning så visas rekommenderat beslut.</p>
      </div>
    );
  }
  return (
    <div className="recommendation" aria-live="polite">
      <p className="recommendation-title">
        Rekommenderat beslut: <strong>{BESLUT_TEXT[recommendation.rekommendation]}</strong>
      </p>
      <ul>
        {recommendation.skal.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {recommendation.flagga && (
        <p className="flag-warning">
          <strong>Observera:</strong> {recommendation.flagga}
        </p>
      )}
    </div>
  );
}
