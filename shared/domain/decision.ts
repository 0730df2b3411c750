// Decision after an effektbedömning (ledarhandling 4 and 6). The recommendation follows Skolverket's rule; the
// user may decide otherwise, but then a motivation is kept with the decision.
import type { Bedomning, Beslut } from '../model';
import { BESLUT_TEXT } from '../labels';

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

const HAR_EFFEKT: readonly Bedomning[] = ['tydlig_effekt', 'viss_effekt'];

export function harEffekt(bedomning: Bedomning): boolean {
  return HAR_EFFEKT.includes(bedomning);
}

function citat(regel: string): string {
  return `Regeln: "${regel}" (${KALLA}).`;
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

/** Total over all inputs: every judgement, goal state and chain gives exactly one recommendation. */
export function recommendDecision(input: DecisionInput): DecisionRecommendation {
  const { bedomning, maletNatt, kedja } = input;
  if (maletNatt) {
    const motsagelse = bedomning === 'ingen_effekt' || bedomning === 'negativ_utveckling';
    return {
      rekommendation: 'avsluta',
      skal: ['Målet med insatsen är nått, därför rekommenderas att insatsen avslutas.'],
      flagga: motsagelse
        ? `Målet anges som nått, men ${BEDOMD[bedomning].charAt(0).toLowerCase()}${BEDOMD[bedomning].slice(1)}. Kontrollera bedömningen.`
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
    return {
      rekommendation: 'komplettera_underlag',
      skal: [
        'Effekten kan inte bedömas. Komplettera underlaget och bedöm insatsen vid nästa möte.',
        `Utan underlag går det inte att avgöra om insatsen ska intensifieras, förändras eller tas bort. ${citat(REGEL_EFFEKT)}`,
      ],
      flagga: igen
        ? 'Insatsen har inte kunnat bedömas två gånger i rad. Bestäm vem som tar fram underlaget och när, eller pröva insatsen på nytt.'
        : null,
    };
  }
  return utanEffekt(input);
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
