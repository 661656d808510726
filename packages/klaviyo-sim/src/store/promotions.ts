import { civilDateOf, nthWeekdayOfMonth } from '../time/civil-date.js';

/** A sales event that lifts the day's expected order count. */
export interface Promotion {
  name: string;
  /** Multiplier on the day's expected orders. */
  lift: number;
}

const THURSDAY = 4;
const TUESDAY = 2;

function promotionsOfYear(year: number): Map<number, Promotion> {
  const thanksgiving = nthWeekdayOfMonth(year, 11, THURSDAY, 4);
  const summerSale = nthWeekdayOfMonth(year, 7, TUESDAY, 2);
  return new Map<number, Promotion>([
    [summerSale, { name: 'Summer Sale', lift: 2.5 }],
    [summerSale + 1, { name: 'Summer Sale', lift: 2 }],
    [thanksgiving + 1, { name: 'Black Friday', lift: 3.5 }],
    [thanksgiving + 2, { name: 'Black Friday Weekend', lift: 2 }],
    [thanksgiving + 3, { name: 'Black Friday Weekend', lift: 1.8 }],
    [thanksgiving + 4, { name: 'Cyber Monday', lift: 3 }],
  ]);
}

const calendarByYear = new Map<number, Map<number, Promotion>>();

/**
 * The promotion running on a local day, if any: Black Friday (the day after the fourth Thursday
 * of November, 3.5×), its weekend, Cyber Monday (3×), and a two-day summer sale from the second
 * Tuesday of July (2.5×, then 2×).
 */
export function promotionOn(dayNumber: number): Promotion | undefined {
  const { year } = civilDateOf(dayNumber);
  let calendar = calendarByYear.get(year);
  if (!calendar) {
    calendar = promotionsOfYear(year);
    calendarByYear.set(year, calendar);
  }
  return calendar.get(dayNumber);
}
