// Channels for a pupil's results as imported from the school platform (issue 4: "sees the register and results").
import { z } from 'zod';
import { id } from '../validation';
import { returns } from './define';

export interface ElevResultatTillfalle {
  id: number;
  namn: string;
  datum: string;
}

export interface ElevResultatAmne {
  amneId: number;
  kod: string;
  namn: string;
  /** Level per assessment occasion id (grades A–F, '-', or ej_natt / pa_vag / natt). */
  nivaer: Record<number, string>;
  /** Betygskriterier not reached at the latest occasion with a result in this subject. */
  kriterierEjNadda: string[];
}

export interface ElevResultat {
  tillfallen: ElevResultatTillfalle[];
  amnen: ElevResultatAmne[];
}

export const resultatChannels = {
  'resultat:forElev': {
    summary: "A pupil's results per subject and assessment occasion (oldest occasion first), with the criteria not reached at the latest one.",
    args: z.object({ elevId: id }),
    result: returns<ElevResultat>(),
  },
} as const;
