// The one list of channels that hand pupil data out of Varvet as a file. dispatch logs an E entry for each after
// the file is made; tests/db/audit-exports.test.ts fails if a channel returning a file is missing here.
import type { Channel, ParsedArgsOf } from '../../../shared/contract';
import type { ExportEntry } from './seal';

type Describe<C extends Channel> = (args: ParsedArgsOf<C>) => ExportEntry;

export const EXPORT_CHANNELS: { [C in Channel]?: Describe<C> } = {
  'mote:protokoll': (a) => ({ vad: 'protokoll', format: 'pdf', pseudonymiserad: a.pseudonymiserad, detalj: { moteId: a.moteId } }),
  'plan:export': (a) => ({ vad: 'plan', format: a.format, pseudonymiserad: true, detalj: { versionId: a.versionId ?? null } }),
  'aterkoppling:create': (a) => ({ vad: 'plan (återkoppling)', format: a.format, pseudonymiserad: true, detalj: { versionId: a.versionId, till: a.till } }),
  'rapport:arsrapport': (a) => ({ vad: 'årsrapport', format: a.format, pseudonymiserad: true, detalj: { lasarId: a.lasarId ?? null } }),
  'resultatdialog:pdf': (a) => ({ vad: 'resultatdialog', format: 'pdf', pseudonymiserad: true, detalj: { resultatdialogId: a.id } }),
  'rapport:registerutdrag': (a) => ({ vad: 'registerutdrag', format: a.format, pseudonymiserad: false, elevId: a.elevId }),
};

export function exportEntryFor(channel: Channel, args: unknown): ExportEntry | null {
  const describe = EXPORT_CHANNELS[channel] as ((a: unknown) => ExportEntry) | undefined;
  return describe ? describe(args) : null;
}
