// Decision after an effektbedömning (ledarhandling 4 and 6). The recommendation follows Skolverket's rule; the
// user may decide otherwise, but then a motivation is kept with the decision.
import { BEDOMNINGAR, type Bedomning, type Beslut } from '../model';
import { BEDOMNING_TEXT, BESLUT_TEXT } from '../labels';

export const REGEL_EFFEKT = 'De insatser som har haft effekt på elevens utveckling intensifieras.';
export const REGEL_INGEN_EFFEKT = 'De insatser som inte har haft effekt förändras eller tas bort.';
const KALLA = 'Skolverket, Arbeta strukturerat med resultatuppföljning';

export interface KedjeBedomning {
  bedomning: Bedomning;
  beslut: Beslut;
}

export interface DecisionInput {
  bedomning: Bedomning;
  maletNatt: boolean;
  /** Earlier evaluations in this insats's chain, oldest first. */
  kedja: KedjeBedomning[];
}

export interface DecisionRecommendation {
  rekommendation: Beslut;
  skal: string[];
  flagga: string | null;
}

/** What a form may send before a judgement is chosen: nothing, '' or a value that is not a bedömning. */
export interface FormDecisionInput {
  bedomning: Bedomning | '' | null | undefined | string;
  maletNatt?: boolean | null;
  kedja?: readonly KedjeBedomning[] | null;
}

/** The state before a bedömning is chosen: no recommendation yet, and a sentence saying what to do. */
export interface ValjBedomning {
  rekommendation: null;
  tillstand: 'valj_bedomning';
  skal: string[];
  flagga: null;
}

export const VALJ_BEDOMNING_TEXT = 'Välj en bedömning av insatsens effekt, så visas rekommendationen.';

export function isBedomning(value: unknown): value is Bedomning {
  return typeof value === 'string' && (BEDOMNINGAR as readonly string[]).includes(value);
}

const HAR_EFFEKT: readonly Bedomning[] = ['tydlig_effekt', 'viss_effekt'];

export function harEffekt(bedomning: Bedomning): boolean {
  return HAR_EFFEKT.includes(bedomning);
}

function citat(regel: string): string {
  return `Regeln: "${regel}" (${KALLA}).`;
}

/**
 * True when, since the chain's latest evaluation with effect, it has already been judged without effect (ingen effekt
 * or negativ utveckling) once, whatever the team decided then: the lack of effect is repeated.
 */
export function upprepadUtanEffekt(kedja: readonly KedjeBedomning[]): boolean {
  let sedanEffekt = 0;
  for (const k of kedja) {
    if (harEffekt(k.bedomning)) sedanEffekt = 0;
    else if (k.bedomning === 'ingen_effekt' || k.bedomning === 'negativ_utveckling') sedanEffekt += 1;
  }
  return sedanEffekt > 0;
}

/** The judgement as a sentence about the insats ("Insatsen bedöms ha haft viss effekt"), never "Bedömningen är ingen effekt". */
const BEDOMD: Record<Bedomning, string> = {
  tydlig_effekt: 'Insatsen bedöms ha haft tydlig effekt på elevens utveckling',
  viss_effekt: 'Insatsen bedöms ha haft viss effekt på elevens utveckling',
  ingen_effekt: 'Insatsen bedöms inte ha haft någon effekt på elevens utveckling',
  negativ_utveckling: 'Insatsen bedöms inte ha haft effekt: elevens utveckling har gått bakåt',
  kan_ej_bedomas: 'Effekten kan inte bedömas',
};

/** True when the chain has been changed (förändra) and no evaluation since that change showed effect. */
export function andradUtanEffekt(kedja: readonly KedjeBedomning[]): boolean {
  let index = -1;
  kedja.forEach((k, i) => {
    if (k.beslut === 'forandra') index = i;
  });
  if (index < 0) return false;
  return kedja.slice(index + 1).every((k) => !harEffekt(k.bedomning));
}

function utanEffekt(input: DecisionInput): DecisionRecommendation {
  const grund = `${BEDOMD[input.bedomning]}.`;
  if (!andradUtanEffekt(input.kedja) && upprepadUtanEffekt(input.kedja)) {
    // The team overrode the earlier recommendation (for example intensifierade instead of förändrade): the lack of
    // effect is still repeated, so ta bort is recommended now.
    return {
      rekommendation: 'ta_bort',
      skal: [
        grund,
        'Insatsen har redan tidigare bedömts utan effekt och har ändå inte gett effekt, därför rekommenderas att den tas bort.',
        citat(REGEL_INGEN_EFFEKT),
      ],
      flagga: null,
    };
  }
  if (andradUtanEffekt(input.kedja)) {
    return {
      rekommendation: 'ta_bort',
      skal: [
        grund,
        'Insatsen har redan förändrats en gång utan att ha fått effekt, därför rekommenderas att den tas bort.',
        citat(REGEL_INGEN_EFFEKT),
      ],
      flagga: null,
    };
  }
  return {
    rekommendation: 'forandra',
    skal: [
      grund,
      'Insatsen har inte tidigare förändrats utan att få effekt, därför rekommenderas att den förändras innan den tas bort.',
      citat(REGEL_INGEN_EFFEKT),
    ],
    flagga: null,
  };
}

/**
 * Total over all inputs: every judgement, goal state and chain gives exactly one recommendation, and what a form sends
 * before a judgement is chosen (undefined, '' or an unknown value) gives the state "välj en bedömning", never an error.
 */
export function recommendDecision(input: DecisionInput): DecisionRecommendation;
export function recommendDecision(input: FormDecisionInput): DecisionRecommendation | ValjBedomning;
export function recommendDecision(input: FormDecisionInput): DecisionRecommendation | ValjBedomning {
  const bedomning = input?.bedomning;
  if (!isBedomning(bedomning)) {
    return { rekommendation: null, tillstand: 'valj_bedomning', skal: [VALJ_BEDOMNING_TEXT], flagga: null };
  }
  const maletNatt = input.maletNatt === true;
  const kedja = (Array.isArray(input.kedja) ? input.kedja : []).filter((k) => k && isBedomning(k.bedomning));
  if (maletNatt) {
    const motsagelse = bedomning === 'ingen_effekt' || bedomning === 'negativ_utveckling';
    return {
      rekommendation: 'avsluta',
      skal: [
        'Målet med insatsen är nått, därför rekommenderas att insatsen avslutas.',
        'Insatser som nått sitt mål behöver inte intensifieras. ' + citat(REGEL_EFFEKT),
      ],
      flagga: motsagelse
        ? `Målet anges som nått, men ${BEDOMD[bedomning].charAt(0).toLowerCase()}${BEDOMD[bedomning].slice(1)}. Kontrollera bedömningen.`
        : bedomning === 'kan_ej_bedomas'
          ? 'Målet anges som nått men effekten kunde inte bedömas. Kontrollera vad som visar att målet är nått innan insatsen avslutas.'
          : null,
    };
  }
  if (harEffekt(bedomning)) {
    return {
      rekommendation: 'intensifiera',
      skal: [
        `${BEDOMD[bedomning]}, men målet är ännu inte nått. Därför rekommenderas att insatsen intensifieras.`,
        citat(REGEL_EFFEKT),
      ],
      flagga: null,
    };
  }
  if (bedomning === 'kan_ej_bedomas') {
    const foregaende = kedja[kedja.length - 1];
    const igen = foregaende?.bedomning === 'kan_ej_bedomas';
    const skal = [
      'Effekten kan inte bedömas. Komplettera underlaget och bedöm insatsen vid nästa möte.',
      `Utan underlag går det inte att avgöra om insatsen ska intensifieras, förändras eller tas bort. ${citat(REGEL_EFFEKT)}`,
    ];
    if (igen) {
      skal.push(
        'Underlaget saknades också vid förra bedömningen. Rekommendation: utse vem som tar fram underlaget och till vilket ' +
          'datum (till exempel resultat från ett nytt bedömningstillfälle eller en avstämning med den som genomför insatsen), ' +
          'och skriv in det i beslutet. Går underlaget inte att få fram, förändra insatsen så att dess effekt kan följas.',
      );
    }
    return {
      rekommendation: 'komplettera_underlag',
      skal,
      flagga: igen
        ? 'Insatsen har inte kunnat bedömas två gånger i rad. Bestäm vem som tar fram underlaget och när, eller pröva insatsen på nytt.'
        : null,
    };
  }
  return utanEffekt({ bedomning, maletNatt, kedja });
}

/** A decision other than the recommendation needs a motivation. */
export function motivationRequired(rekommendation: Beslut, beslut: Beslut): boolean {
  return rekommendation !== beslut;
}

/** A Swedish sentence when the decision may not be saved as it is, otherwise null. */
export function checkDecision(rekommendation: Beslut, beslut: Beslut, motivering: string | null): string | null {
  if (!motivationRequired(rekommendation, beslut)) return null;
  if (motivering !== null && motivering.trim() !== '') return null;
  return (
    `Beslutet "${BESLUT_TEXT[beslut]}" avviker från rekommendationen "${BESLUT_TEXT[rekommendation]}". ` +
    'Skriv en motivering till varför ni beslutar annorlunda.'
  );
}
