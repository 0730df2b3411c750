// `varvet schema`: proposes the läsår's varv (resultatdialog, EHT-möte, avstämning) from its dates and lov.
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { isRealIsoDate } from '../../../shared/validation';
import {
  defaultLov,
  formatDatum,
  formatDatumKort,
  formatVeckaKort,
  proposeSchedule,
  type Tillfalle,
} from '../../../shared/domain/schedule';
import { DEFAULT_INSTALLNINGAR } from '../../../shared/domain/settings';
import type { CliCommand } from '../types';

const USAGE = 'varvet schema --start ÅÅÅÅ-MM-DD --end ÅÅÅÅ-MM-DD --varv 5|6 [--langd 5|6] [--forsta-eht ÅÅÅÅ-MM-DD] [--utredning 5|6] [--json]';

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        start: { type: 'string' },
        end: { type: 'string' },
        varv: { type: 'string' },
        langd: { type: 'string' },
        'forsta-eht': { type: 'string' },
        utredning: { type: 'string' },
        json: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new AppError('invalid_argument', `Okänt eller felaktigt argument${detail}. Använd: ${USAGE}`, { cause: error });
  }
}

function datum(value: string | undefined, flagga: string, vad: string): string {
  if (value === undefined) throw new AppError('invalid_argument', `Ange ${vad} med ${flagga} ÅÅÅÅ-MM-DD.`);
  if (!isRealIsoDate(value)) {
    throw new AppError('invalid_argument', `${flagga} ${value} är inte ett datum skrivet som ÅÅÅÅ-MM-DD.`);
  }
  return value;
}

function femEllerSex(value: string | undefined, flagga: string, standard: number): number {
  if (value === undefined) return standard;
  if (value !== '5' && value !== '6') throw new AppError('invalid_argument', `${flagga} måste vara 5 eller 6, inte "${value}".`);
  return Number(value);
}

function cell(t: Tillfalle): string {
  return `${formatVeckaKort(t.datum)} ${formatDatumKort(t.datum)}`;
}

export const schemaCommand: CliCommand = {
  summary: 'Föreslår läsårets varv: resultatdialog, EHT-möte och avstämning, utanför loven.',
  usage: USAGE,
  async run(argv, io) {
    const values = readArgs(argv);
    const startdatum = datum(values.start, '--start', 'läsårets första dag');
    const slutdatum = datum(values.end, '--end', 'läsårets sista dag');
    if (values.varv === undefined) throw new AppError('invalid_argument', 'Ange antalet varv med --varv 5 eller --varv 6.');
    const antalVarv = femEllerSex(values.varv, '--varv', DEFAULT_INSTALLNINGAR.antalVarv);
    const varvLangdVeckor = femEllerSex(values.langd, '--langd', DEFAULT_INSTALLNINGAR.varvLangdVeckor);
    const forstaEht = values['forsta-eht'];
    // The school's utredning threshold (settings; seed 001 "5-6 veckor"): varv 1's EHT-möte lies at least one week more after the första.
    const utredningTroskelVeckor = femEllerSex(values.utredning, '--utredning', DEFAULT_INSTALLNINGAR.utredningTroskelVeckor);
    const lov = defaultLov(startdatum, slutdatum);
    const forslag = proposeSchedule({
      startdatum,
      slutdatum,
      lov,
      antalVarv,
      varvLangdVeckor,
      utredningTroskelVeckor,
      ...(forstaEht === undefined ? {} : { forstaEhtDatum: datum(forstaEht, '--forsta-eht', 'första EHT-mötet') }),
    });
    if (values.json) {
      // A refusal is data too: { ok: false, fel, ryms: [what would fit] } on stdout, the sentence on stderr, exit 1.
      io.out(JSON.stringify({ startdatum, slutdatum, antalVarv, varvLangdVeckor, lov, ...forslag }, null, 2));
      if (!forslag.ok) io.err(forslag.fel);
      return forslag.ok ? 0 : 1;
    }
    if (!forslag.ok) throw new AppError('rule_violation', forslag.fel);
    io.out(`Läsår ${startdatum} – ${slutdatum}: ${antalVarv} varv om ${varvLangdVeckor} skolveckor (lovveckor räknas inte).`);
    io.out(`Första EHT-mötet: ${formatVeckaKort(forslag.forstaEht.datum)}, ${formatDatum(forslag.forstaEht.datum)} (${forslag.forstaEht.datum})`);
    io.out(
      `Varv 1:s EHT-möte, den första uppföljningen, ligger ${forslag.veckorTillForstaUppfoljning} veckor efter första EHT-mötet ` +
        `(minst ${utredningTroskelVeckor + 1}: utredningsgränsen ${utredningTroskelVeckor} veckor plus en vecka` +
        `${forslag.pausForeForstaVarv > 0 ? `; ${forslag.pausForeForstaVarv} skolveckor före varv 1 hålls fria för det` : ''}).`,
    );
    io.out('');
    const rubrik = ['Varv', 'Period', 'Bedömningar senast', 'Resultatdialog', 'EHT-möte', 'Avstämning'];
    const rader = forslag.varv.map((v) => [
      String(v.nummer),
      `${formatVeckaKort(v.startdatum)}–${formatVeckaKort(v.slutdatum).slice(3)} (${v.startdatum} – ${v.slutdatum})`,
      cell({ datum: v.bedomningSenast, vecka: 0, isoAr: 0 }),
      cell(v.resultatdialog),
      cell(v.eht),
      cell(v.avstamning),
    ]);
    const bredd = rubrik.map((r, i) => Math.max(r.length, ...rader.map((rad) => (rad[i] ?? '').length)));
    for (const rad of [rubrik, ...rader]) io.out(rad.map((c, i) => c.padEnd(bredd[i] ?? 0)).join('  ').trimEnd());
    io.out('');
    io.out('Lovveckor (inga möten läggs där):');
    for (const l of forslag.lovVeckor) io.out(`  ${formatVeckaKort(l.mandag)}  ${l.lov.join(', ')}  (vecka från ${l.mandag})`);
    io.out('Sportlovet är satt till vecka 8; det varierar mellan regioner, så kontrollera det.');
    if (forslag.restVeckor > 0) {
      io.out(`${forslag.restVeckor} skolveckor ingår inte i något varv; de ligger som pauser mellan varven och efter det sista.`);
    }
    return 0;
  },
};
