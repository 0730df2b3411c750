// Swedish words for the audit log's operations and tables, shared by the Logg and Gallring tabs.
import type { AuditOperation } from '../../../shared/channels/audit';

export const OPERATION_TEXT: Record<AuditOperation, string> = {
  I: 'Tillagd',
  U: 'Ändrad',
  D: 'Borttagen',
  E: 'Export eller utskrift',
  G: 'Gallring',
};

const TABELL_TEXT: Record<string, string> = {
  elev: 'Elev',
  personal: 'Personal',
  personal_roll: 'Personalens roll',
  grupp: 'Grupp',
  gruppmedlem: 'Gruppmedlem',
  undervisning: 'Undervisning',
  amne: 'Ämne',
  insats: 'Insats',
  effektbedomning: 'Effektbedömning',
  utredning: 'Utredning',
  utredningsbeslut: 'Utredningsbeslut',
  resultat: 'Resultat',
  resultat_kriterium: 'Resultat per kriterium',
  mote: 'EHT-möte',
  mote_deltagare: 'Mötesdeltagare',
  mote_anteckning: 'Mötesanteckning',
  mote_handelse: 'Mötets ångra-logg',
  pseudonym: 'Pseudonym',
  import_andring: 'Importens ändringslogg',
  import_korning: 'Import',
  skola: 'Skola och inställningar',
  varv: 'Varv',
  lasar: 'Läsår',
  aterstallning: 'Återställning från säkerhetskopia',
};

export function tabellText(tabell: string | null): string {
  if (tabell === null) return '–';
  return TABELL_TEXT[tabell] ?? tabell.replaceAll('_', ' ');
}

export function loggTid(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'medium' });
}
