// The handlers of Förberedelse (ledarhandling 1–3) and of Fundera/discussion answers, as one HandlerPart.
import type { HandlerPart } from '../handlers';
import { instant, today } from '../context';
import { loadPlanDokument, renderPlan } from '../export/planExport';
import { createAterkoppling, listAterkoppling, recordSvar } from './aterkoppling';
import { baslinjeLage, frysBaslinjeVidStart, sattBaslinje } from './baslinje';
import { foreslaSchema, getKalender, setKalenderDatum, setLov } from './kalender';
import { getUtkast, getVersion, listVersioner, planSnapshot, saveUtkast, sparaVersion } from './version';
import { arsReflektioner } from './reflektioner';
import { verktygHandlers } from './verktyg';
import { reflektionHandlers } from './reflektion';

const planCore: HandlerPart = {
  'plan:utkast': (_args, ctx) => getUtkast(ctx.db),
  'plan:utkastSave': (args, ctx) => saveUtkast(ctx.db, args.svar, instant(ctx)),
  'plan:kalender': (_args, ctx) => getKalender(ctx.db, today(ctx)),
  'plan:setDatum': (args, ctx) => setKalenderDatum(ctx.db, today(ctx), args),
  'plan:setLov': (args, ctx) => setLov(ctx.db, today(ctx), args.lov),
  'plan:foreslaSchema': (args, ctx) => foreslaSchema(ctx.db, today(ctx), args),
  'plan:snapshot': (_args, ctx) => planSnapshot(ctx.db, today(ctx)),
  'plan:versioner': (_args, ctx) => listVersioner(ctx.db),
  'plan:version': (args, ctx) => getVersion(ctx.db, args.id),
  'plan:sparaVersion': (args, ctx) => sparaVersion(ctx.db, today(ctx), args, instant(ctx)),
  'plan:baslinjeLage': (_args, ctx) => baslinjeLage(ctx.db, today(ctx)),
  'plan:sattBaslinje': (args, ctx) => {
    const { innehall: _frozen, ...info } = sattBaslinje(ctx.db, today(ctx), args.versionId);
    return info;
  },
  'plan:baslinjeVidStart': (_args, ctx) => {
    frysBaslinjeVidStart(ctx.db, today(ctx), instant(ctx));
    return baslinjeLage(ctx.db, today(ctx));
  },
  'reflektion:arsavslut': (args, ctx) => arsReflektioner(ctx.db, args.lasarId, today(ctx)),
  'plan:export': (args, ctx) => renderPlan(loadPlanDokument(ctx.db, today(ctx), args.versionId), args.format, ctx.now()),
  'aterkoppling:list': (_args, ctx) => listAterkoppling(ctx.db),
  'aterkoppling:create': (args, ctx) => createAterkoppling(ctx.db, today(ctx), args, ctx.now()),
  'aterkoppling:svar': (args, ctx) => recordSvar(ctx.db, args),
};

export const planHandlers: HandlerPart = { ...planCore, ...verktygHandlers, ...reflektionHandlers };
