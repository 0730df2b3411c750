// Channels of the audit log and gallring (issue 8): the Logg screen reads and verifies the hash-chained log;
// Gallring previews and removes the data of pupils who left longer ago than the school's rule.
import { z } from 'zod';
import { id, isoDate } from '../validation';
import { returns } from './define';

export const AUDIT_OPERATIONER = ['I', 'U', 'D', 'E', 'G'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONER)[number];

export interface LoggPost {
  id: number;
  tid: string;
  vem: string | null;
  kanal: string | null;
  tabell: string | null;
  radId: string | null;
  elevId: number | null;
  operation: AuditOperation;
  /** Parsed JSON of the row before/after; {"gallrad":true} once gallring has removed the content. */
  fore: Record<string, unknown> | null;
  efter: Record<string, unknown> | null;
  gallrad: boolean;
}

export interface LoggSida {
  poster: LoggPost[];
  /** Entries matching the filter in all. */
  totalt: number;
  /** Distinct tables and channels in the log, for the filter lists. */
  tabeller: string[];
  kanaler: string[];
}

export interface LoggKedja {
  ok: boolean;
  poster: number;
  oforseglade: number;
  forstaBrutna: { id: number; orsak: string } | null;
  /** Swedish sentence for the status badge. */
  text: string;
}

export interface GallringElev {
  id: number;
  namn: string;
  slutat: string;
  /** Rows that would be removed, per table. */
  rader: Record<string, number>;
  loggposter: number;
}

export interface GallringForhandsvisning {
  gallringAr: number;
  /** Pupils who left on or before this date are due. */
  grans: string;
  idag: string;
  elever: GallringElev[];
  /** Sum over pupils, per table. */
  rader: Record<string, number>;
  loggposter: number;
  /** Backups written before the limit date, deleted with the data (they hold it). */
  sakerhetskopior: string[];
}

export interface GallringResultat {
  elever: number;
  rader: Record<string, number>;
  loggposter: number;
  sakerhetskopiorBorttagna: string[];
  nySakerhetskopia: string | null;
  kedja: LoggKedja;
}

const valfriText = (falt: string) => z.string({ error: `${falt} måste vara text.` }).trim().max(100, `${falt} får vara högst 100 tecken.`).nullable().default(null);

export const auditChannels = {
  'logg:list': {
    summary: 'A page of the audit log, newest first, filtered by table, channel, operation, pupil and date range.',
    args: z.object({
      tabell: valfriText('Tabellen'),
      kanal: valfriText('Kanalen'),
      operation: z.enum(AUDIT_OPERATIONER, { error: 'Okänd typ av ändring.' }).nullable().default(null),
      elevId: id.nullable().default(null),
      fran: isoDate.nullable().default(null),
      till: isoDate.nullable().default(null),
      offset: z.number({ error: 'Början måste vara ett tal.' }).int('Början måste vara ett heltal.').min(0, 'Början kan inte vara negativ.').default(0),
      limit: z.number({ error: 'Antalet måste vara ett tal.' }).int('Antalet måste vara ett heltal.').min(1, 'Minst en post.').max(500, 'Högst 500 poster åt gången.').default(200),
    }),
    result: returns<LoggSida>(),
  },
  'logg:verify': {
    summary: "Verifies the audit log's hash chain and names the first broken entry, if any.",
    args: z.object({}),
    result: returns<LoggKedja>(),
  },
  'gallring:preview': {
    summary: 'What gallring would remove today under the school rule: pupils due, rows per table, log entries, backups.',
    args: z.object({}),
    result: returns<GallringForhandsvisning>(),
  },
  'gallring:regel': {
    summary: "Sets the school's gallring rule: years after a pupil left before their data is removed (1–10).",
    args: z.object({
      gallringAr: z.number({ error: 'Antal år måste vara ett tal.' }).int('Antal år måste vara ett heltal.').min(1, 'Minst 1 år.').max(10, 'Högst 10 år.'),
    }),
    result: returns<{ gallringAr: number }>(),
  },
  'gallring:execute': {
    summary: 'Removes exactly what the preview listed (the same pupil ids must be confirmed), redacts their log entries, deletes older backups and takes a new one.',
    args: z.object({
      elevIds: z.array(id).min(1, 'Det finns inga elever att gallra.').max(100000),
      bekraftelse: z.literal('GALLRA', { error: 'Skriv GALLRA för att bekräfta gallringen.' }),
    }),
    result: returns<GallringResultat>(),
  },
} as const;
