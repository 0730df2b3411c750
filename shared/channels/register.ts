// Channels of the register screens: pupils, staff, groups, undervisning and subjects. Every mutation answers with
// the updated row, so the renderer updates its cache without reloading the whole register.
import { z } from 'zod';
import { GRUPP_TYPER, ROLLER, type Elev, type GruppTyp, type Personal } from '../model';
import { id, isoDate, text } from '../validation';
import { returns } from './define';

export interface Grupp {
  id: number;
  lasarId: number;
  namn: string;
  typ: GruppTyp;
  /** null for a group across several årskurser, e.g. a särskild undervisningsgrupp 7–9. */
  arskurs: number | null;
  /** Active pupils in the group. */
  antalElever: number;
}

export interface Amne {
  id: number;
  kod: string;
  namn: string;
  /** The language of a moderna språk (M1/M2) or modersmål (ML) subject; '' for other subjects. */
  sprak: string;
}

export interface Undervisning {
  id: number;
  personalId: number;
  larare: string;
  gruppId: number;
  grupp: string;
  amneId: number;
  amne: string;
  amneKod: string;
}

/** Subject codes that carry a language. */
export const SPRAK_KODER = ['M1', 'M2', 'ML'] as const;

export function harSprak(kod: string): boolean {
  return (SPRAK_KODER as readonly string[]).includes(kod);
}

const arskurs = z
  .number({ error: 'Årskurs saknas.' })
  .int('Årskursen ska vara ett heltal.')
  .min(0, 'Årskursen ska vara F (0) eller 1–9.')
  .max(9, 'Årskursen ska vara F (0) eller 1–9.');

const flagga = (falt: string) => z.boolean({ error: `${falt} ska vara ja eller nej.` });

const epost = z
  .string({ error: 'E-postadressen ska vara text.' })
  .trim()
  .max(200, 'E-postadressen får vara högst 200 tecken.')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    message: 'E-postadressen ser inte ut som en e-postadress, t.ex. anna.berg@skolan.se.',
  })
  .transform((v) => (v === '' ? null : v));

const roller = z
  .array(z.enum(ROLLER, { error: 'Okänd roll.' }), { error: 'Roller saknas.' })
  .transform((r) => [...new Set(r)]);

const gruppTyp = z.enum(GRUPP_TYPER, { error: 'Välj typ av grupp: klass eller undervisningsgrupp.' });

const elevFields = {
  fornamn: text('Förnamn', 100),
  efternamn: text('Efternamn', 100),
  arskurs,
  klassId: id.nullable(),
  mentorId: id.nullable(),
  sarskildUndervisningsgrupp: flagga('Särskild undervisningsgrupp'),
  nyanland: flagga('Nyanländ'),
};

export const elevCreateArgs = z.object({
  ...elevFields,
  klassId: elevFields.klassId.default(null),
  mentorId: elevFields.mentorId.default(null),
  sarskildUndervisningsgrupp: elevFields.sarskildUndervisningsgrupp.default(false),
  nyanland: elevFields.nyanland.default(false),
});
export type ElevCreateArgs = z.input<typeof elevCreateArgs>;

export const elevUpdateArgs = z.object({ id, ...elevFields }).partial().required({ id: true });
export type ElevUpdateArgs = z.input<typeof elevUpdateArgs>;

export const personalCreateArgs = z.object({
  fornamn: text('Förnamn', 100),
  efternamn: text('Efternamn', 100),
  epost: epost.default(''),
  roller: roller.default([]),
});
export const personalUpdateArgs = z
  .object({ id, fornamn: text('Förnamn', 100), efternamn: text('Efternamn', 100), epost, roller })
  .partial()
  .required({ id: true });

const gruppNamn = text('Gruppens namn', 60);
const gruppArskurs = arskurs.nullable();

const amneKod = z
  .string({ error: 'Ämneskod saknas.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-ZÅÄÖ0-9]{1,6}$/, 'Ämneskoden ska vara 1–6 bokstäver eller siffror, t.ex. M2.');
const sprak = z.string({ error: 'Språket ska vara text.' }).trim().max(40, 'Språket får vara högst 40 tecken.');

export const registerChannels = {
  'elev:create': {
    summary: 'Ny elev: name, årskurs, klass, mentor and the flags särskild undervisningsgrupp and nyanländ. Returns the pupil.',
    args: elevCreateArgs,
    result: returns<Elev>(),
  },
  'elev:update': {
    summary: 'Changes the given fields of a pupil (others are kept); a new klass also moves the pupil to that group. Returns the pupil.',
    args: elevUpdateArgs,
    result: returns<Elev>(),
  },
  'elev:setAktiv': {
    summary: 'Marks a pupil as left (aktiv false, slutat = the given day or today) or back; never deletes, history stays.',
    args: z.object({
      id,
      aktiv: z.boolean({ error: 'Ange om eleven är aktiv.' }),
      slutat: isoDate.optional(),
    }),
    result: returns<Elev>(),
  },

  'personal:create': {
    summary: 'Ny personal: name, e-post and roles. Returns the person.',
    args: personalCreateArgs,
    result: returns<Personal>(),
  },
  'personal:update': {
    summary: 'Changes name, e-post or roles (roles replace the old set). Returns the person.',
    args: personalUpdateArgs,
    result: returns<Personal>(),
  },
  'personal:setAktiv': {
    summary: 'Marks a member of staff as left or back; never deletes, their insatser and meetings stay.',
    args: z.object({ id, aktiv: z.boolean({ error: 'Ange om personen arbetar kvar.' }) }),
    result: returns<Personal>(),
  },

  'grupp:list': {
    summary: 'Groups of the current läsår with typ, årskurs and the number of active pupils.',
    args: z.object({}).strict(),
    result: returns<Grupp[]>(),
  },
  'grupp:create': {
    summary: 'Ny grupp in the current läsår; the same name twice in a läsår is refused.',
    args: z.object({ namn: gruppNamn, typ: gruppTyp.default('klass'), arskurs: gruppArskurs.default(null) }),
    result: returns<Grupp>(),
  },
  'grupp:update': {
    summary: 'Changes name, typ or årskurs of a group. Returns the group.',
    args: z.object({ id, namn: gruppNamn, typ: gruppTyp, arskurs: gruppArskurs }).partial().required({ id: true }),
    result: returns<Grupp>(),
  },

  'undervisning:list': {
    summary: 'Undervisning of the current läsår: teacher × group × subject, with names.',
    args: z.object({}).strict(),
    result: returns<Undervisning[]>(),
  },
  'undervisning:create': {
    summary: 'Adds teacher × group × subject; the same combination twice is refused.',
    args: z.object({ personalId: id, gruppId: id, amneId: id }),
    result: returns<Undervisning>(),
  },
  'undervisning:update': {
    summary: 'Changes the teacher, group or subject of one undervisning. Returns it.',
    args: z.object({ id, personalId: id, gruppId: id, amneId: id }).partial().required({ id: true }),
    result: returns<Undervisning>(),
  },
  'undervisning:delete': {
    summary: 'Removes one undervisning (it holds no history of its own). Returns the removed id.',
    args: z.object({ id }),
    result: returns<{ id: number }>(),
  },

  'amne:list': {
    summary: 'All subjects, the grundskola subjects first in their usual order, then language variants.',
    args: z.object({}).strict(),
    result: returns<Amne[]>(),
  },
  'amne:create': {
    summary: 'A new subject, typically a language variant of M1/M2/ML (language required); the name defaults to "<ämne> – <språk>".',
    args: z
      .object({ kod: amneKod, namn: z.string().trim().max(80, 'Namnet får vara högst 80 tecken.').default(''), sprak: sprak.default('') })
      .superRefine((v, ctx) => {
        if (harSprak(v.kod) && v.sprak === '') {
          ctx.addIssue({ code: 'custom', path: ['sprak'], message: `Ange vilket språk ${v.kod} gäller, t.ex. Spanska.` });
        }
        if (!harSprak(v.kod) && v.sprak !== '') {
          ctx.addIssue({ code: 'custom', path: ['sprak'], message: 'Språk anges bara för moderna språk (M1, M2) och modersmål (ML).' });
        }
      }),
    result: returns<Amne>(),
  },
  'amne:update': {
    summary: 'Changes the name or the language of a subject. Returns it.',
    args: z
      .object({ id, namn: text('Ämnets namn', 80), sprak })
      .partial()
      .required({ id: true }),
    result: returns<Amne>(),
  },
} as const;
