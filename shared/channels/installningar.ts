// Channels of the school settings the domain rules read (issue 3, item 7): thresholds, deadline, teacher pattern,
// criteria per subject and the early-years scale. Lov and varv are edited on Förberedelse → Steg 3 (plan channels),
// the lock time and the gallring rule through their own channels.
import { z } from 'zod';
import { regelInstallningarAndring, type SkolInstallningar } from '../domain/settings';
import { returns } from './define';

export const installningarChannels = {
  'installningar:get': {
    summary: "The school's settings, every field with its default filled in (the defaults before a school exists).",
    args: z.object({}).strict(),
    result: returns<SkolInstallningar>(),
  },
  'installningar:set': {
    summary:
      'Changes some of the rule settings (utredning threshold and deadline, teacher pattern, criteria per subject, betyg from årskurs, early-years labels): merged into the stored settings, validated as a whole, audited; returns all settings.',
    args: regelInstallningarAndring,
    result: returns<SkolInstallningar>(),
  },
} as const;
