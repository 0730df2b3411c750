// Inställningar → "Regler för uppföljningen" (issue 3, item 7): the school settings the domain rules read — when a
// pupil is due an utredning decision, the deadline suggestion, the teacher pattern, the criteria per subject and the
// early-years scale — as one form saved with "Spara reglerna" (installningar:set merges and validates; audited).
// Lov, antal varv and varvens längd belong to the calendar on Förberedelse → Steg 3; this section links there.
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { DEFAULT_INSTALLNINGAR, type SkolInstallningar } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { useUnsavedGuard } from '../components/useUnsavedGuard';
import { useApp } from '../store';
import './installningar.css';

interface Values {
  utredningTroskelVeckor: number;
  utredningDeadlineDagar: number;
  lararmonsterMinAntal: number;
  /** Shown and typed in procentenheter (20), stored as a share (0.2). */
  lararmonsterMarginalPe: number;
  kriterierPerAmne: number;
  betygFranArskurs: number;
  tidigSkala: SkolInstallningar['tidigSkala'];
}

const D = DEFAULT_INSTALLNINGAR;

function values(s: SkolInstallningar): Values {
  return {
    utredningTroskelVeckor: s.utredningTroskelVeckor,
    utredningDeadlineDagar: s.utredningDeadlineDagar,
    lararmonsterMinAntal: s.lararmonsterMinAntal,
    lararmonsterMarginalPe: Math.round(s.lararmonsterMarginal * 100),
    kriterierPerAmne: s.kriterierPerAmne,
    betygFranArskurs: s.betygFranArskurs,
    tidigSkala: { ...s.tidigSkala },
  };
}

/** The backend names the field it refused ('Fältet "tidigSkala.pa_vag": …'): the message goes under that field. */
const FALT: Record<string, FieldPath<Values>> = {
  utredningTroskelVeckor: 'utredningTroskelVeckor',
  utredningDeadlineDagar: 'utredningDeadlineDagar',
  lararmonsterMinAntal: 'lararmonsterMinAntal',
  lararmonsterMarginal: 'lararmonsterMarginalPe',
  kriterierPerAmne: 'kriterierPerAmne',
  betygFranArskurs: 'betygFranArskurs',
  'tidigSkala.ej_natt': 'tidigSkala.ej_natt',
  'tidigSkala.pa_vag': 'tidigSkala.pa_vag',
  'tidigSkala.natt': 'tidigSkala.natt',
};

const heltal = (min: number, max: number, vad: string) => ({
  valueAsNumber: true as const,
  required: `Ange ${vad}.`,
  validate: (v: number) => (Number.isInteger(v) ? true : `Ange ${vad} som ett heltal.`),
  min: { value: min, message: `Minst ${min}.` },
  max: { value: max, message: `Högst ${max}.` },
});

const etikett = (vad: string) => ({
  validate: (v: string) => (v.trim() === '' ? `Skriv en benämning för ${vad}.` : v.trim().length > 30 ? 'Högst 30 tecken.' : true),
});

export function InstallningarRegler() {
  const navigate = useApp((s) => s.navigate);
  const announce = useApp((s) => s.announce);
  const [sparat, setSparat] = useState<SkolInstallningar | null>(null);
  const [fel, setFel] = useState<string | null>(null);
  const [laddfel, setLaddfel] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({ values: sparat ? values(sparat) : undefined });
  const { errors } = formState;
  useUnsavedGuard('installningar-regler', formState.isDirty);

  useEffect(() => {
    call('installningar:get', {})
      .then(setSparat)
      .catch((e: unknown) => setLaddfel(errorText(e)));
  }, []);

  const submit = handleSubmit(async (v) => {
    setFel(null);
    try {
      const saved = await call('installningar:set', {
        utredningTroskelVeckor: v.utredningTroskelVeckor,
        utredningDeadlineDagar: v.utredningDeadlineDagar,
        lararmonsterMinAntal: v.lararmonsterMinAntal,
        lararmonsterMarginal: v.lararmonsterMarginalPe / 100,
        kriterierPerAmne: v.kriterierPerAmne,
        betygFranArskurs: v.betygFranArskurs,
        tidigSkala: v.tidigSkala,
      });
      setSparat(saved);
      reset(values(saved));
      announce('Reglerna för uppföljningen är sparade. De gäller från och med nu, också för kommande EHT-möten.');
    } catch (error) {
      const text = errorText(error);
      const m = /^Fältet "([^"]+)": (.*)$/.exec(text);
      const falt = m?.[1] === undefined ? undefined : FALT[m[1]];
      if (falt && m?.[2]) setError(falt, { type: 'server', message: m[2] }, { shouldFocus: true });
      else setFel(m?.[2] ?? text);
    }
  }, () => setFel(null));

  const err = (name: FieldPath<Values>): string | undefined => {
    const parts = name.split('.');
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <section className="installningar-regler" aria-labelledby="regler-rubrik">
      <h2 id="regler-rubrik">Regler för uppföljningen</h2>
      <p>
        Här bestämmer skolan hur Varvet tillämpar reglerna i Skolverkets stöd <em>Arbeta strukturerat med resultatuppföljning</em>.
        Ändringarna gäller från och med att de sparas, också för möten som redan är planerade.
      </p>
      <p className="regler-lank">
        Lov, antal varv och varvens längd ändras i kalendern under{' '}
        <button type="button" className="button link" onClick={() => navigate({ name: 'forberedelse', flik: 'plan' })}>
          Förberedelse → Steg 3 Planen
        </button>
        .
      </p>
      <ErrorAlert message={laddfel} title="Reglerna kunde inte visas" />
      {sparat && (
        <form onSubmit={(e) => void submit(e)} noValidate className="regler-form">
          <fieldset className="regler-grupp">
            <legend>Utredning av behov av särskilt stöd</legend>
            <p className="hint regler-citat">
              ”Fatta beslut om ni ska inleda en utredning av elevs behov av särskilt stöd för de elever vars insatser redan har
              pågått i 5-6 veckor. Tydliggör vem som ska göra utredningen och sätt en deadline.”
            </p>
            <div className="field-row">
              <Field
                id="regel-troskel"
                label="Veckor innan beslut om utredning"
                hint={`Elever vars individuella insatser har pågått så här många veckor utan tydlig effekt kommer upp under Utredningar på EHT-mötet. Stödet säger 5–6 veckor; standard ${D.utredningTroskelVeckor}.`}
                error={err('utredningTroskelVeckor')}
              >
                <select
                  className="regler-kort"
                  {...describedBy('regel-troskel', err('utredningTroskelVeckor'), true)}
                  {...register('utredningTroskelVeckor', { setValueAs: (v: string) => Number(v) })}
                >
                  <option value={5}>5 veckor</option>
                  <option value={6}>6 veckor</option>
                </select>
              </Field>
              <Field
                id="regel-deadline"
                label="Dagar till föreslagen deadline"
                hint={`Skollagen säger att utredningen ska göras skyndsamt men anger inget antal dagar. Förslaget räknas från mötesdagen och flyttas till närmaste vardag. 1–60 dagar; standard ${D.utredningDeadlineDagar}.`}
                error={err('utredningDeadlineDagar')}
              >
                <input
                  type="number"
                  min={1}
                  max={60}
                  className="regler-kort"
                  {...describedBy('regel-deadline', err('utredningDeadlineDagar'), true)}
                  {...register('utredningDeadlineDagar', heltal(1, 60, 'antal dagar'))}
                />
              </Field>
            </div>
          </fieldset>

          <fieldset className="regler-grupp">
            <legend>Lärarmönster</legend>
            <p className="hint regler-citat">
              ”På EHT kan det vara så att ett visst ämne utmärker sig. Undersök då om det ser likadant ut för samma lärare i en
              annan elevgrupp. Detta kan visa på att det är läraren som behöver handledning.”
            </p>
            <p className="hint">
              Ett ämne utmärker sig i en grupp när minst så många elever som anges inte når målen i ämnet och andelen är minst
              marginalen högre än i gruppens övriga ämnen (medianen). Varvet föreslår handledning när två av lärarens grupper
              visar det och ingen annan lärares grupp i ämnet gör det.
            </p>
            <div className="field-row">
              <Field
                id="regel-minantal"
                label="Minsta antal elever som inte når målen"
                hint={`1–100 elever; standard ${D.lararmonsterMinAntal}.`}
                error={err('lararmonsterMinAntal')}
              >
                <input
                  type="number"
                  min={1}
                  max={100}
                  className="regler-kort"
                  {...describedBy('regel-minantal', err('lararmonsterMinAntal'), true)}
                  {...register('lararmonsterMinAntal', heltal(1, 100, 'antal elever'))}
                />
              </Field>
              <Field
                id="regel-marginal"
                label="Marginal mot gruppens övriga ämnen (procentenheter)"
                hint={`5–100 procentenheter; standard ${Math.round(D.lararmonsterMarginal * 100)}.`}
                error={err('lararmonsterMarginalPe')}
              >
                <input
                  type="number"
                  min={5}
                  max={100}
                  className="regler-kort"
                  {...describedBy('regel-marginal', err('lararmonsterMarginalPe'), true)}
                  {...register('lararmonsterMarginalPe', heltal(5, 100, 'marginalen i procentenheter'))}
                />
              </Field>
            </div>
          </fieldset>

          <fieldset className="regler-grupp">
            <legend>Resultat och skalor</legend>
            <div className="field-row">
              <Field
                id="regel-kriterier"
                label="Betygskriterier per ämne i resultatsammanfattningen"
                hint={`Så många av de kriterier som flest elever inte når visas per ämne under Varvets resultat på EHT-mötet. 1–20; standard ${D.kriterierPerAmne}.`}
                error={err('kriterierPerAmne')}
              >
                <input
                  type="number"
                  min={1}
                  max={20}
                  className="regler-kort"
                  {...describedBy('regel-kriterier', err('kriterierPerAmne'), true)}
                  {...register('kriterierPerAmne', heltal(1, 20, 'antal kriterier'))}
                />
              </Field>
              <Field
                id="regel-betygfran"
                label="Första årskurs med betyg A–F"
                hint={`Betyg ges från årskurs 6, eller från årskurs 4 eller 5 om rektorn beslutar det (prop. 2020/21:58). Resultat i tidigare årskurser anges på den tidiga skalan nedan. Standard årskurs ${D.betygFranArskurs}.`}
                error={err('betygFranArskurs')}
              >
                <select
                  className="regler-kort"
                  {...describedBy('regel-betygfran', err('betygFranArskurs'), true)}
                  {...register('betygFranArskurs', { setValueAs: (v: string) => Number(v) })}
                >
                  {[4, 5, 6].map((ak) => (
                    <option key={ak} value={ak}>
                      Årskurs {ak}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <fieldset className="regler-skala" aria-describedby="regel-skala-hint">
              <legend>Den tidiga skalans nivåer</legend>
              <p className="hint" id="regel-skala-hint">
                Så här visas nivåerna i elevens resultat. Högst 30 tecken; de tre benämningarna ska skilja sig åt.
                Standard: {D.tidigSkala.ej_natt}, {D.tidigSkala.pa_vag}, {D.tidigSkala.natt}.
              </p>
              <div className="field-row">
                <Field id="regel-ej-natt" label="Lägsta nivån (ej nått)" error={err('tidigSkala.ej_natt')}>
                  <input type="text" maxLength={30} {...describedBy('regel-ej-natt', err('tidigSkala.ej_natt'))} {...register('tidigSkala.ej_natt', etikett('lägsta nivån'))} />
                </Field>
                <Field id="regel-pa-vag" label="Mellannivån (på väg)" error={err('tidigSkala.pa_vag')}>
                  <input type="text" maxLength={30} {...describedBy('regel-pa-vag', err('tidigSkala.pa_vag'))} {...register('tidigSkala.pa_vag', etikett('mellannivån'))} />
                </Field>
                <Field id="regel-natt" label="Högsta nivån (nått)" error={err('tidigSkala.natt')}>
                  <input type="text" maxLength={30} {...describedBy('regel-natt', err('tidigSkala.natt'))} {...register('tidigSkala.natt', etikett('högsta nivån'))} />
                </Field>
              </div>
            </fieldset>
          </fieldset>

          <ErrorAlert message={fel} title="Reglerna sparades inte" />
          <div className="regler-knappar">
            {/* aria-disabled, not disabled: a disabled button loses the focus to the page body while saving. */}
            <button type="submit" className="button primary" aria-disabled={formState.isSubmitting || undefined}>
              {formState.isSubmitting ? 'Sparar…' : 'Spara reglerna'}
            </button>
            <span className="muted" aria-hidden={!formState.isDirty}>
              {formState.isDirty ? 'Ändringarna är inte sparade ännu.' : ''}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
