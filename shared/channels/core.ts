// Channels of the foundation slice: app, school, Översikt, pupils and staff, insatser and their evaluations.
import { z } from 'zod';
import {
  BEDOMNINGAR,
  BESLUT,
  INSATS_TYPER,
  NIVAER,
  type Elev,
  type Insats,
  type Lasar,
  type Personal,
  type Skola,
  type Varv,
} from '../model';
import { id, isoDate, optionalText, text } from '../validation';
import { returns } from './define';

export const DEMO_SIZES = ['s', 'm', 'l', 'xl'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  mode: 'electron' | 'browser';
}

export interface Oversikt {
  skola: Skola;
  lasar: Lasar | null;
  aktuelltVarv: Varv | null;
  varv: Varv[];
  antal: {
    elever: number;
    personal: number;
    grupper: number;
    aktivaInsatser: number;
    bedomningar: number;
    pagaendeUtredningar: number;
  };
}

/** The fields of a new insats, shared by 'insats:create' and the meeting's 'mote:insats'. */
export const insatsFields = z.object({
  niva: z.enum(NIVAER, { error: 'Välj nivå: individ, grupp, lärare eller organisation.' }),
  elevId: id.nullable().default(null),
  gruppId: id.nullable().default(null),
  larareId: id.nullable().default(null),
  amneId: id.nullable().default(null),
  beskrivning: text('Beskrivning', 2000),
  typ: z.enum(INSATS_TYPER, { error: 'Välj typ av insats.' }),
  forvantadEffekt: text('Förväntad effekt', 2000),
  genomforsAvId: id.nullable().default(null),
  aterkopplarId: id.nullable().default(null),
});

export const SARSKILT_STOD_INDIVID_FEL = 'Särskilt stöd ges till en enskild elev: välj nivån individ.';

/**
 * An insats must name its target: a pupil (individ), a group (grupp) or a teacher (lärare). Särskilt stöd is an
 * individual insats (skollagen 3 kap.): refused at any other level (the database refuses it too, migration 0012).
 */
export function requireInsatsTarget(
  v: { niva: (typeof NIVAER)[number]; elevId: number | null; gruppId: number | null; larareId: number | null; typ?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.typ === 'sarskilt_stod' && v.niva !== 'individ') {
    ctx.addIssue({ code: 'custom', path: ['typ'], message: SARSKILT_STOD_INDIVID_FEL });
  }
  const need = { individ: 'elevId', grupp: 'gruppId', larare: 'larareId', organisation: null } as const;
  const field = need[v.niva];
  if (field && v[field] === null) {
    const what = { elevId: 'en elev', gruppId: 'en grupp', larareId: 'en lärare' }[field];
    ctx.addIssue({ code: 'custom', path: [field], message: `En insats på nivån ${v.niva} behöver ${what}.` });
  }
}

export const insatsCreateArgs = insatsFields
  .extend({
    startdatum: isoDate,
    beslutadVidMoteId: id.nullable().default(null),
    ersatterInsatsId: id.nullable().default(null),
  })
  .superRefine(requireInsatsTarget);
export type InsatsCreateArgs = z.input<typeof insatsCreateArgs>;

export const bedomningRecordArgs = z.object({
  insatsId: id,
  /** The meeting it is recorded at; when absent, the current varv's EHT-möte (created if needed). */
  moteId: id.nullable().default(null),
  bedomning: z.enum(BEDOMNINGAR, { error: 'Välj en bedömning av effekten.' }),
  maletNatt: z.boolean().default(false),
  underlag: optionalText('Underlag').default(''),
  beslut: z.enum(BESLUT, { error: 'Välj ett beslut.' }),
  motivering: optionalText('Motivering').nullable().default(null),
});
export type BedomningRecordArgs = z.input<typeof bedomningRecordArgs>;

export const coreChannels = {
  'app:info': {
    summary: 'Version, schema version, data folder and whether the app runs in Electron or browser mode.',
    args: z.object({}).strict(),
    result: returns<AppInfo>(),
  },

  'lokal:nyckel': {
    summary:
      'The AES-256 key (base64) the renderer encrypts its not yet confirmed drafts with in the browser storage; created on first use, kept only in the database.',
    args: z.object({}).strict(),
    result: returns<{ nyckel: string }>(),
  },

  'skola:get': {
    summary: 'The school in this database, or null before the first start has chosen one.',
    args: z.object({}).strict(),
    result: returns<Skola | null>(),
  },
  'skola:create': {
    summary: 'Ny skola: creates the school, its läsår with default lov weeks, the varv and their planned meetings from the domain schedule, and the grundskola subjects.',
    args: z
      .object({
        namn: text('Skolans namn', 120),
        lasar: z.object({ startdatum: isoDate, slutdatum: isoDate }),
      })
      .refine((v) => v.lasar.startdatum < v.lasar.slutdatum, {
        message: 'Läsårets sista dag måste komma efter den första.',
        path: ['lasar', 'slutdatum'],
      }),
    result: returns<Skola>(),
  },
  'demo:open': {
    summary: 'Öppna demoskola: fills an empty database with the deterministic demo school of the given size.',
    args: z.object({ size: z.enum(DEMO_SIZES, { error: 'Storleken ska vara s, m, l eller xl.' }).default('l') }),
    result: returns<Skola>(),
  },

  'oversikt:get': {
    summary: 'Översikt: the school, the current läsår and varv, all varv of the year and counts.',
    args: z.object({}).strict(),
    result: returns<Oversikt>(),
  },

  'elev:list': {
    summary: 'All pupils (only active ones unless baraAktiva is false), sorted by name; the renderer filters in memory.',
    args: z.object({ baraAktiva: z.boolean().default(true) }),
    result: returns<Elev[]>(),
  },
  'elev:get': {
    summary: 'One pupil, with class and mentor.',
    args: z.object({ id }),
    result: returns<Elev>(),
  },

  'personal:list': {
    summary: 'All staff with their roles.',
    args: z.object({}).strict(),
    result: returns<Personal[]>(),
  },

  'insats:create': {
    summary: 'Creates an insats; the target must match the level (individ → elevId, grupp → gruppId, lärare → larareId).',
    args: insatsCreateArgs,
    result: returns<Insats>(),
  },
  'insats:listForElev': {
    summary: "A pupil's insatser, newest first, each with its evaluations.",
    args: z.object({ elevId: id }),
    result: returns<Insats[]>(),
  },

  'bedomning:record': {
    summary: 'Records an effektbedömning and its decision. The backend recomputes the recommendation from the chain; a decision other than the recommendation needs a motivation. avsluta/ta bort close the insats.',
    args: bedomningRecordArgs,
    result: returns<Insats>(),
  },
} as const;
