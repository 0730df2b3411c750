// Default dates for a new school's läsår: the one in progress (a rektor may start mid-year), or in the summer the
// coming one; from the Monday of week 34 to the Friday of week 23, when most Swedish grundskolor start and end.
// The user adjusts them to the municipality's calendar.
import { addDays, setISOWeek, startOfISOWeek } from 'date-fns';
import { toIsoDate } from '../../shared/calendar';

function mondayOfWeek(year: number, week: number): Date {
  // 4 January always lies in ISO week 1 of its year.
  return startOfISOWeek(setISOWeek(new Date(year, 0, 4), week));
}

export function defaultLasar(today: Date): { startdatum: string; slutdatum: string } {
  const day = toIsoDate(today);
  let year = today.getFullYear();
  // Before this year's start: still in last läsår's spring term, or in the summer before the coming one.
  if (day < toIsoDate(mondayOfWeek(year, 34)) && day <= toIsoDate(addDays(mondayOfWeek(year, 23), 4))) year -= 1;
  return {
    startdatum: toIsoDate(mondayOfWeek(year, 34)),
    slutdatum: toIsoDate(addDays(mondayOfWeek(year + 1, 23), 4)),
  };
}
