// The state of one insats while the demo simulates a läsår: shared by the insats simulation and the utredning book.
import type { Bedomning, Beslut, Niva } from '../../../shared/model';
import type { ElevInfo } from './people';
import type { InsatsMall } from './texts';

export interface InsatsState {
  id: number;
  niva: Niva;
  elev: ElevInfo | null;
  gruppId: number | null;
  larareId: number | null;
  amne: string | null;
  mall: InsatsMall;
  startdatum: string;
  status: 'aktiv' | 'avslutad' | 'borttagen' | 'ersatt';
  ersatter: number | null;
  kedja: { bedomning: Bedomning; beslut: Beslut }[];
  bedomningar: { datum: string; bedomning: Bedomning }[];
  /** Scenario insatser are judged as planned instead of from results. */
  plan?: { bedomning: Bedomning; beslut: Beslut; motivering: string };
}
