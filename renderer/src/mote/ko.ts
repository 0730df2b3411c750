// Meeting mode's client state: the agenda loaded once, and a save queue that never makes the user wait. Every change
// gets a client key, goes into the queue (kept locally and encrypted — lokalLagring.ts — so a killed app replays it on restart; the backend
// applies a key once), and the screen moves on at once. Failures are shown and retried.
import { create } from 'zustand';
import type { ArgsOf } from '../../../shared/contract';
import type { EvaluateResult, MoteAgenda, UtredningKandidat } from '../../../shared/channels/mote';
import type { Insats } from '../../../shared/model';
import { ApiError, call, errorText } from '../api';
import { lokal } from '../lokalLagring';

export type KoItem =
  | { nyckel: string; typ: 'evaluate'; args: ArgsOf<'mote:evaluate'> }
  | { nyckel: string; typ: 'utredning'; args: ArgsOf<'mote:utredningsbeslut'> }
  | { nyckel: string; typ: 'insats'; args: ArgsOf<'mote:insats'> }
  | { nyckel: string; typ: 'undo'; args: ArgsOf<'mote:undo'>; galler: string };

interface MoteKoState {
  moteId: number | null;
  agenda: MoteAgenda | null;
  laddaFel: string | null;
  ko: KoItem[];
  /** The key being sent now; it cannot be taken back from the queue any more. */
  skickas: string | null;
  /** Last failure: retriable ones are retried, others dropped (the agenda is then reloaded). */
  fel: { text: string; forsoker: boolean } | null;
  /** Keys undone on the server but not yet reflected in a reloaded agenda. */
  angrade: string[];
  load(moteId: number): Promise<void>;
  reload(): Promise<void>;
  enqueue(item: KoItem): void;
  /** Ctrl+Z: the newest change is taken back. Returns what it was, or null when there is nothing to undo. */
  undo(): { nyckel: string } | null;
  setAgenda(update: (a: MoteAgenda) => MoteAgenda): void;
}

const STORAGE = 'varvet.motesko.';
// unauthorized: the host was restarted with a new token; the queue waits for the page to be reopened with it.
const RETRIABLE = new Set(['network', 'internal', 'database_unavailable', 'unauthorized', 'locked']);

/** When the agenda shown now arrived in the page (performance.now()); the start of the bench's on-screen measure. */
let agendaAnkom = 0;
export function agendaAnkomTid(): number {
  return agendaAnkom;
}

export function nyNyckel(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

function persist(moteId: number | null, ko: KoItem[]): void {
  if (moteId === null) return;
  if (ko.length === 0) lokal.remove(STORAGE + moteId);
  else lokal.set(STORAGE + moteId, JSON.stringify(ko));
}

function restore(moteId: number): KoItem[] {
  try {
    const raw = lokal.get(STORAGE + moteId);
    return raw ? (JSON.parse(raw) as KoItem[]) : [];
  } catch {
    return [];
  }
}

function applyEvaluate(a: MoteAgenda, nyckel: string, r: EvaluateResult): MoteAgenda {
  return {
    ...a,
    // The utredning rule reads the judgements: the candidates come back with every evaluation, so U stays true.
    utredningskandidater: r.utredningskandidater,
    elever: { ...r.kandidatElever, ...a.elever },
    insatser: a.insatser.map((ai) =>
      ai.insats.id === r.bedomning.insatsId
        ? { ...ai, bedomning: r.bedomning, foljdinsats: r.foljdinsats, insats: { ...ai.insats, status: r.insatsStatus } }
        : ai,
    ),
    angerbara: r.upprepad ? a.angerbara : [...a.angerbara, { nyckel, typ: 'bedomning', insatsId: r.bedomning.insatsId, elevId: null }],
  };
}

function applyUtredning(a: MoteAgenda, nyckel: string, k: UtredningKandidat): MoteAgenda {
  return {
    ...a,
    utredningskandidater: a.utredningskandidater.some((x) => x.elevId === k.elevId)
      ? a.utredningskandidater.map((x) => (x.elevId === k.elevId ? k : x))
      : [...a.utredningskandidater, k],
    angerbara: a.angerbara.some((x) => x.nyckel === nyckel) ? a.angerbara : [...a.angerbara, { nyckel, typ: 'utredningsbeslut', insatsId: null, elevId: k.elevId }],
  };
}

function applyInsats(a: MoteAgenda, nyckel: string, i: Insats): MoteAgenda {
  if (a.nyaInsatser.some((x) => x.id === i.id)) return a;
  return { ...a, nyaInsatser: [...a.nyaInsatser, i], angerbara: [...a.angerbara, { nyckel, typ: 'insats', insatsId: i.id, elevId: i.elevId }] };
}

let pumping = false;
let retryMs = 1000;

export const useMoteKo = create<MoteKoState>()((set, get) => {
  const update = (ko: KoItem[]) => {
    persist(get().moteId, ko);
    set({ ko });
  };

  async function send(item: KoItem): Promise<void> {
    const { setAgenda } = get();
    if (item.typ === 'evaluate') {
      const r = await call('mote:evaluate', item.args);
      setAgenda((a) => applyEvaluate(a, item.nyckel, r));
    } else if (item.typ === 'utredning') {
      const k = await call('mote:utredningsbeslut', item.args);
      setAgenda((a) => applyUtredning(a, item.nyckel, k));
    } else if (item.typ === 'insats') {
      const i = await call('mote:insats', item.args);
      setAgenda((a) => applyInsats(a, item.nyckel, i));
    } else {
      await call('mote:undo', item.args);
      await get().reload();
      set((s) => ({ angrade: s.angrade.filter((k) => k !== item.galler) }));
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        const item = get().ko[0];
        if (!item) break;
        set({ skickas: item.nyckel });
        try {
          await send(item);
          retryMs = 1000;
          set({ fel: null });
          update(get().ko.filter((k) => k.nyckel !== item.nyckel));
        } catch (error) {
          const code = error instanceof ApiError ? error.code : 'internal';
          if (RETRIABLE.has(code)) {
            set({ fel: { text: errorText(error), forsoker: true } });
            await new Promise((r) => setTimeout(r, retryMs));
            retryMs = Math.min(retryMs * 2, 15_000);
            continue;
          }
          // The backend refused it (e.g. the meeting was closed elsewhere): nothing was saved; show why.
          set({ fel: { text: errorText(error), forsoker: false } });
          update(get().ko.filter((k) => k.nyckel !== item.nyckel));
          await get().reload().catch(() => undefined);
        }
      }
    } finally {
      set({ skickas: null });
      pumping = false;
    }
  }

  return {
    moteId: null,
    agenda: null,
    laddaFel: null,
    ko: [],
    skickas: null,
    fel: null,
    angrade: [],

    async load(moteId) {
      set({ moteId, agenda: get().moteId === moteId ? get().agenda : null, laddaFel: null, ko: restore(moteId), angrade: [], fel: null });
      try {
        const agenda = await call('mote:agenda', { moteId });
        if (get().moteId === moteId) {
          if (get().agenda === null) agendaAnkom = performance.now();
          set({ agenda });
        }
        void pump();
      } catch (error) {
        set({ laddaFel: errorText(error) });
      }
    },

    async reload() {
      const { moteId } = get();
      if (moteId === null) return;
      const agenda = await call('mote:agenda', { moteId });
      if (get().moteId === moteId) set({ agenda });
    },

    enqueue(item) {
      update([...get().ko, item]);
      void pump();
    },

    undo() {
      const { agenda, ko, skickas, angrade, moteId } = get();
      if (!agenda || moteId === null) return null;
      const undone = new Set([...angrade, ...ko.filter((k) => k.typ === 'undo').map((k) => (k.typ === 'undo' ? k.galler : ''))]);
      const stack = [
        ...agenda.angerbara.map((a) => a.nyckel),
        ...ko.filter((k) => k.typ !== 'undo').map((k) => k.nyckel),
      ].filter((k, i, all) => !undone.has(k) && all.indexOf(k) === i);
      const senaste = stack.at(-1);
      if (!senaste) return null;
      const queued = ko.find((k) => k.nyckel === senaste);
      if (queued && skickas !== senaste) {
        // Not sent yet: taking it out of the queue is the whole undo.
        update(ko.filter((k) => k.nyckel !== senaste));
      } else {
        set({ angrade: [...angrade, senaste] });
        get().enqueue({ nyckel: nyNyckel('angra'), typ: 'undo', args: { moteId, nyckel: senaste }, galler: senaste });
      }
      return { nyckel: senaste };
    },

    setAgenda(fn) {
      const { agenda } = get();
      if (agenda) set({ agenda: fn(agenda) });
    },
  };
});
