// Every problem of the file with row, column, value and reason. Long lists show the first 200 rows until the user
// asks for all, so a file with thousands of problems does not freeze the screen.
import { useState } from 'react';
import type { ImportProblem } from '../../../shared/import/types';

const FIRST = 200;

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const [all, setAll] = useState(false);
  if (problems.length === 0) return null;
  const shown = all ? problems : problems.slice(0, FIRST);
  return (
    <div className="import-problems">
      <h3 id="import-problems-title">Problem i filen ({problems.length.toLocaleString('sv-SE')})</h3>
      <div className="table-wrap">
        <table className="table" aria-labelledby="import-problems-title">
          <thead>
            <tr>
              <th scope="col">Rad</th>
              <th scope="col">Kolumn</th>
              <th scope="col">Värde</th>
              <th scope="col">Orsak</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.rad}-${i}`}>
                <th scope="row">{p.rad}</th>
                <td>{p.kolumn || '–'}</td>
                <td className="import-value">{p.varde || '–'}</td>
                <td>{p.orsak}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < problems.length && (
        <button type="button" className="button link" onClick={() => setAll(true)}>
          Visa alla {problems.length.toLocaleString('sv-SE')} problem
        </button>
      )}
    </div>
  );
}
