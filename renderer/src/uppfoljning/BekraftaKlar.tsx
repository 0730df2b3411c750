// Marking an avstämning or the year-end klar while parts are undone asks first and says what is undone (issue 15,
// item 12). Nothing is saved until the user confirms; Avbryt leaves everything as it was.
import { useEffect, useRef, useState } from 'react';

export function KlarKnapp({
  etikett,
  ofardigt,
  onKlar,
}: {
  etikett: string;
  ofardigt: string[];
  onKlar(bekraftat: boolean): void;
}) {
  const [fragar, setFragar] = useState(false);
  const rubrik = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (fragar) rubrik.current?.focus();
  }, [fragar]);
  if (!fragar) {
    return (
      <button type="button" className="button primary" onClick={() => (ofardigt.length > 0 ? setFragar(true) : onKlar(false))}>
        {etikett}
      </button>
    );
  }
  return (
    <div className="uf-bekrafta" role="alertdialog" aria-labelledby="uf-bekrafta-rubrik" aria-describedby="uf-bekrafta-lista">
      <h3 id="uf-bekrafta-rubrik" tabIndex={-1} ref={rubrik}>
        Allt är inte gjort. Markera som klar ändå?
      </h3>
      <ul id="uf-bekrafta-lista">
        {ofardigt.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            setFragar(false);
            onKlar(true);
          }}
        >
          Markera som klar ändå
        </button>
        <button type="button" className="button" onClick={() => setFragar(false)}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
