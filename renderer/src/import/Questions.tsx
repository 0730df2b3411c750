// Names that fit more than one person are asked, never guessed: choose who is meant, or skip those rows.
import type { ImportQuestion } from '../../../shared/import/types';

interface Props {
  questions: ImportQuestion[];
  choices: Record<string, number | null>;
  onChoose(nyckel: string, choice: number | null): void;
}

export function ImportQuestions({ questions, choices, onChoose }: Props) {
  if (questions.length === 0) return null;
  return (
    <div className="import-questions">
      <h3>Vem avses? ({questions.length})</h3>
      {questions.map((q) => {
        const rader = q.rader.length > 5 ? `${q.rader.slice(0, 5).join(', ')} …` : q.rader.join(', ');
        const current = Object.prototype.hasOwnProperty.call(choices, q.nyckel) ? choices[q.nyckel] : undefined;
        return (
          <fieldset key={q.nyckel} className="import-question">
            <legend>
              ”{q.fraga}” på rad {rader} passar flera i registret
            </legend>
            {q.kandidater.map((k) => (
              <label key={k.id} className="import-choice">
                <input type="radio" name={`fraga-${q.nyckel}`} checked={current === k.id} onChange={() => onChoose(q.nyckel, k.id)} />
                {k.text}
              </label>
            ))}
            <label className="import-choice">
              <input type="radio" name={`fraga-${q.nyckel}`} checked={current === null} onChange={() => onChoose(q.nyckel, null)} />
              Hoppa över {q.rader.length === 1 ? 'raden' : `de ${q.rader.length} raderna`}
            </label>
          </fieldset>
        );
      })}
    </div>
  );
}
