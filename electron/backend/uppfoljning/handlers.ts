// Every handler of shared/channels/uppfoljning.ts, as one part for the handler table.
import type { HandlerPart } from '../handlers';
import { arsavslutHandlers } from './arsavslut';
import { avstamningHandlers } from './avstamning';
import { rapportHandlers } from './rapport';
import { rapportOversiktHandlers } from './rapportOversikt';
import { resultatdialogHandlers } from './resultatdialog';
import { fragebankHandlers } from './fragebank';
import { utvecklingsomradeHandlers } from './utvecklingsomrade';

export const uppfoljningHandlers: HandlerPart = {
  ...fragebankHandlers,
  ...resultatdialogHandlers,
  ...avstamningHandlers,
  ...utvecklingsomradeHandlers,
  ...arsavslutHandlers,
  ...rapportOversiktHandlers,
  ...rapportHandlers,
};
