// Step 8's facts, assembled from the data: what changed during the year, and the baseline plan beside what happened.
import type { Arssammanstallning, PlanMotUtfall } from '../../../shared/channels/uppfoljning';
import { UTVECKLING_STATUS_TEXT } from '../../../shared/channels/uppfoljning';
import { BEDOMNING_TEXT, BESLUT_TEXT, MOTE_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { datumMedAr } from '../format';

const INSATS_UTFALL_TEXT: Record<Arssammanstallning['insatserUtfall'][number]['nyckel'], string> = {
  aktiv: 'Pågår',
  avslutad: 'Avslutade – målet nått',
  borttagen: 'Borttagna',
  ersatt: 'Ersatta av en ny insats',
};

const UTFALL_TEXT: Record<PlanMotUtfall['moten'][number]['utfall'], string> = {
  enligt_plan: 'Enligt plan',
  flyttat: 'Flyttat',
  ej_hallet: 'Inte hållet',
  kommande: 'Kommande',
  tillagt: 'Tillagt',
};

export function ArsSammanstallning({ s }: { s: Arssammanstallning }) {
  const startade = s.insatserStartade.reduce((sum, x) => sum + x.antal, 0);
  const u = s.utredningar;
  return (
    <section className="section" aria-labelledby="uf-forandringar">
      <h2 id="uf-forandringar">Förändringar under läsåret</h2>
      <p className="muted">Sammanställt ur det ni har dokumenterat under året – inget behöver skrivas in igen.</p>
      <ul className="counts uf-counts">
        <li className="count">
          <span className="count-value">{startade}</span>
          <span className="count-label">Insatser startade</span>
        </li>
        <li className="count">
          <span className="count-value">{s.intensifierade}</span>
          <span className="count-label">Intensifierade</span>
        </li>
        <li className="count">
          <span className="count-value">{s.forandrade}</span>
          <span className="count-label">Förändrade</span>
        </li>
        <li className="count">
          <span className="count-value">{s.borttagna}</span>
          <span className="count-label">Borttagna</span>
        </li>
        <li className="count">
          <span className="count-value">{s.avslutade}</span>
          <span className="count-label">Avslutade – målet nått</span>
        </li>
        <li className="count">
          <span className="count-value">{s.resultatdialoger}</span>
          <span className="count-label">{`Resultat\u00addialoger genomförda, i ${s.resultatdialogVarv} varv`}</span>
        </li>
      </ul>
      <p className="muted">
        {`En resultatdialog är ett samtal med en lärare, ett ämneslag eller ett arbetslag; ${s.resultatdialoger} sådana är genomförda. Ett varvs resultatdialog räknas som hållen när alla dess samtal är genomförda – det gäller ${s.resultatdialogVarv} varv, och det är dem årsrapporten och tabellen nedan räknar som hållna.`}
      </p>
      <div className="uf-tabeller">
        <table className="uf-table">
          <caption>Insatser startade per nivå</caption>
          <tbody>
            {s.insatserStartade.map((x) => (
              <tr key={x.nyckel}>
                <th scope="row">{NIVA_TEXT[x.nyckel]}</th>
                <td>{x.antal}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="uf-table">
          <caption>Beslut efter effektbedömning</caption>
          <tbody>
            {s.beslut.map((x) => (
              <tr key={x.nyckel}>
                <th scope="row">{BESLUT_TEXT[x.nyckel]}</th>
                <td>{x.antal}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="uf-table">
          <caption>Bedömd effekt</caption>
          <tbody>
            {s.bedomningar.map((x) => (
              <tr key={x.nyckel}>
                <th scope="row">{BEDOMNING_TEXT[x.nyckel]}</th>
                <td>{x.antal}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="uf-table">
          <caption>Utredningar av särskilt stöd</caption>
          <tbody>
            <tr>
              <th scope="row">Inledda</th>
              <td>{u.inledda}</td>
            </tr>
            <tr>
              <th scope="row">Avslutade i tid</th>
              <td>{u.avslutadeITid}</td>
            </tr>
            <tr>
              <th scope="row">Avslutade efter deadline</th>
              <td>{u.avslutadeSent}</td>
            </tr>
            <tr>
              <th scope="row">Pågår</th>
              <td>{u.pagar}</td>
            </tr>
            <tr>
              <th scope="row">Försenade</th>
              <td>{u.forsenade}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h3>Insatsernas utfall</h3>
      <table className="uf-table">
        <caption className="sr-only">Insatsernas utfall</caption>
        <tbody>
          {s.insatserUtfall.map((x) => (
            <tr key={x.nyckel}>
              <th scope="row">{INSATS_UTFALL_TEXT[x.nyckel]}</th>
              <td>{x.antal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 id="uf-dialogplaner">Årets resultatdialoger</h3>
      {s.dialogPlaner.length === 0 ? (
        <p className="muted">Inga genomförda resultatdialoger under läsåret.</p>
      ) : (
        <table className="uf-table uf-wide" aria-labelledby="uf-dialogplaner">
          <thead>
            <tr>
              <th scope="col">Varv</th>
              <th scope="col">Dialog</th>
              <th scope="col">Förändring i undervisningen</th>
              <th scope="col">Effekt i nästa varv</th>
            </tr>
          </thead>
          <tbody>
            {s.dialogPlaner.map((p) => (
              <tr key={p.dialogId}>
                <td>{p.varvNummer}</td>
                <th scope="row">{p.namn}</th>
                <td>{p.forandring.trim() || <span className="muted">Ingen förändring skriven</span>}</td>
                <td>
                  {p.uppfoljning === null
                    ? 'Inte uppföljd ännu'
                    : `Varv ${p.uppfoljning.varvNummer}: ${p.uppfoljning.effekt ? BEDOMNING_TEXT[p.uppfoljning.effekt] : 'effekten inte bedömd'}${p.uppfoljning.hurGickDet.trim() ? ` – ${p.uppfoljning.hurGickDet}` : ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="uf-avstamningar">Avstämningarna</h3>
      {s.avstamningar.length === 0 ? (
        <p className="muted">Ingen avstämning under läsåret ännu.</p>
      ) : (
        <dl className="uf-avstamningar" aria-labelledby="uf-avstamningar">
          {s.avstamningar.map((a) => (
            <div key={a.varvNummer}>
              <dt>{`Varv ${a.varvNummer}${a.datum ? `, ${datumMedAr(a.datum)}` : ''} – ${a.status === 'klar' ? 'klar' : 'inte klar'}`}</dt>
              <dd>{a.anteckningar.trim() || <span className="muted">Inga anteckningar.</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>Utvecklingsområden</h3>
      {s.utvecklingsomraden.length === 0 ? (
        <p className="muted">Inga utvecklingsområden dokumenterade under läsåret.</p>
      ) : (
        <ul>
          {s.utvecklingsomraden.map((o) => (
            <li key={o.id}>{`${o.titel}: ${UTVECKLING_STATUS_TEXT[o.status].toLowerCase()}${o.franVarvNummer !== null ? ` (från varv ${o.franVarvNummer})` : ''}`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ArsPlanMotUtfall({ p }: { p: PlanMotUtfall }) {
  return (
    <section className="section" aria-labelledby="uf-plan-utfall">
      <h2 id="uf-plan-utfall">Planen och det som blev av</h2>
      <p className="muted">
        {p.baslinje
          ? `Jämfört med planversion ${p.baslinje.nummer}, baslinjen från läsårets start (sparad ${datumMedAr(p.baslinje.skapad.slice(0, 10))}).`
          : 'Ingen baslinje är fastställd för läsåret; jämförelsen görs mot kalendariet som det ser ut nu. Fastställ baslinjen under Förberedelse → Versioner.'}
      </p>
      <p>{`${p.hallna} av ${p.planerade} planerade möten är hållna, ${p.flyttade} av dem på ett annat datum än planerat.`}</p>
      <table className="uf-table uf-wide">
        <caption className="sr-only">Planerade och hållna möten</caption>
        <thead>
          <tr>
            <th scope="col">Möte</th>
            <th scope="col">Varv</th>
            <th scope="col">Planerat</th>
            <th scope="col">Faktiskt</th>
            <th scope="col">Utfall</th>
          </tr>
        </thead>
        <tbody>
          {p.moten.map((m, i) => (
            <tr key={i}>
              <th scope="row">{MOTE_TYP_TEXT[m.typ]}</th>
              <td>{m.varvNummer ?? '–'}</td>
              <td>{m.planerat ? datumMedAr(m.planerat) : '–'}</td>
              <td>{m.faktiskt ? datumMedAr(m.faktiskt) : '–'}</td>
              <td className={`uf-utfall-${m.utfall}`}>{UTFALL_TEXT[m.utfall]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
