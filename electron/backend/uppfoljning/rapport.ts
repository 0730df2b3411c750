// What leaves the app: the huvudman's pseudonymised year report and a pupil's registerutdrag, as files the renderer
// saves (a download in browser mode).
import { buildArsrapport } from '../export/arsrapport';
import { renderArsrapport } from '../export/arsrapportDokument';
import { buildRegisterutdrag } from '../export/registerutdrag';
import { renderRegisterutdrag } from '../export/registerutdragDokument';
import { instant, today } from '../context';
import type { HandlerPart } from '../handlers';

export const rapportHandlers: HandlerPart = {
  'rapport:arsrapport': async (args, ctx) => {
    const rapport = buildArsrapport(ctx.db, { lasarId: args.lasarId, idag: today(ctx), skapad: today(ctx) });
    return renderArsrapport(rapport, args.format, ctx.now());
  },
  'rapport:registerutdrag': async (args, ctx) => {
    const utdrag = buildRegisterutdrag(ctx.db, args.elevId, instant(ctx));
    return renderRegisterutdrag(ctx.db, utdrag, args.format, ctx.now());
  },
};
