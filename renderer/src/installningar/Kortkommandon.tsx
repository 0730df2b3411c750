// Inställningar → Kortkommandon (WCAG 2.1.4): the shortcuts that are a single character key can be turned off on this
// computer. Then 1–5, D, M, K, L, T, U, R, I, N, S and ? in mötesläget, N on Elever, Register and a pupil's page, and
// / for search do nothing; Ctrl+F, Alt+1–9, Enter, Esc and the arrows keep working, and so do the keys of a form
// while the focus is in it.
import { useEnkelTangent } from '../components/enkelTangent';
import { useApp } from '../store';

export function InstallningarKortkommandon() {
  const pa = useEnkelTangent((s) => s.pa);
  const set = useEnkelTangent((s) => s.set);
  const announce = useApp((s) => s.announce);
  return (
    <section aria-labelledby="kortkommandon-rubrik" className="section">
      <h2 id="kortkommandon-rubrik">Kortkommandon</h2>
      <p className="muted">
        Gäller den här datorn. Kortkommandon med en enda tangent kan störa den som använder taligenkänning eller råkar
        trycka på en tangent.
      </p>
      <label className="checkbox" htmlFor="enkla-kortkommandon">
        <input
          id="enkla-kortkommandon"
          type="checkbox"
          checked={pa}
          aria-describedby="enkla-kortkommandon-hint"
          onChange={(e) => {
            set(e.target.checked);
            announce(
              e.target.checked
                ? 'Kortkommandon med en tangent är påslagna.'
                : 'Kortkommandon med en tangent är avstängda. Ctrl, Alt, Enter, Esc och piltangenterna fungerar som förut.',
            );
          }}
        />
        <span>Kortkommandon med en tangent</span>
      </label>
      <p id="enkla-kortkommandon-hint" className="hint">
        Till exempel 1–5, D, N, S och ? i mötesläget, N för ny elev eller insats och / för att söka. Ctrl+F, Alt+1–9,
        Enter, Esc och piltangenterna fungerar alltid.
      </p>
    </section>
  );
}
