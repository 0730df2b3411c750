// Default dates for a new school's läsår: the coming one, from the Monday of week 34 to the Friday of week 23,
// which is when most Swedish grundskolor start and end. The user adjusts them to the municipality's calendar.
import { addDays, setISOWeek, startOfISOWeek } from 'date-fns';
import { toIsoDate } from '../../shared/calendar';

function mondayOfWeek(year: number, week: number): Date {
  // 4 January always lies in ISO week 1 of its year.
  return startOfISOWeek(setISOWeek(new Date(year, 0, 4), week));
}

export function comingLasar(today: Date): { startdatum: string; slutdatum: string } {
  let year = today.getFullYear();
  if (toIsoDate(today) >= toIsoDate(mondayOfWeek(year, 34))) year += 1;
  return {
    startdatum: toIsoDate(mondayOfWeek(year, 34)),
    slutdatum: toIsoDate(addDays(mondayOfWeek(year + 1, 23), 4)),
  };
}
