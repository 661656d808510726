import { civilDateOf, dayNumberOf, nthWeekdayOfMonth } from '../time/civil-date.js';

/** A day the marketing calendar plans a themed send for. */
export interface Occasion {
  name: string;
  subject: string;
  /** Also texted to SMS subscribers. */
  sms: boolean;
  /** VIP early access the day before (sent to the VIP segment). */
  vipPreview?: boolean;
}

const THURSDAY = 4;
const TUESDAY = 2;
const SUNDAY = 0;

function occasionsOfYear(year: number): Map<number, Occasion> {
  const thanksgiving = nthWeekdayOfMonth(year, 11, THURSDAY, 4);
  const summerSale = nthWeekdayOfMonth(year, 7, TUESDAY, 2);
  const mothersDay = nthWeekdayOfMonth(year, 5, SUNDAY, 2);
  const day = (month: number, date: number) => dayNumberOf({ year, month, day: date });
  return new Map<number, Occasion>([
    [day(1, 2), { name: 'New Year Sale', subject: 'New year, fresh finds: 20% off', sms: false }],
    [day(2, 7), { name: "Valentine's Day Gift Guide", subject: 'Gifts they will love', sms: false }],
    [mothersDay - 7, { name: "Mother's Day Gift Guide", subject: 'For the best mom', sms: true }],
    [summerSale - 3, { name: 'Summer Sale Preview', subject: 'Our Summer Sale starts Tuesday', sms: false }],
    [summerSale, { name: 'Summer Sale', subject: 'Summer Sale: up to 40% off', sms: true, vipPreview: true }],
    [summerSale + 1, { name: 'Summer Sale Last Day', subject: 'Last day of the Summer Sale', sms: true }],
    [thanksgiving - 3, { name: 'Black Friday Preview', subject: 'Black Friday is coming: get ready', sms: false }],
    [thanksgiving + 1, { name: 'Black Friday', subject: 'Black Friday: 30% off everything', sms: true, vipPreview: true }],
    [thanksgiving + 2, { name: 'Black Friday Weekend', subject: 'Black Friday deals continue', sms: false }],
    [thanksgiving + 3, { name: 'Black Friday Weekend', subject: 'Final weekend of deals', sms: false }],
    [thanksgiving + 4, { name: 'Cyber Monday', subject: 'Cyber Monday: 30% off ends tonight', sms: true }],
    [thanksgiving + 5, { name: 'Cyber Monday Extended', subject: 'Extended: Cyber Monday deals', sms: false }],
    [day(12, 1), { name: 'Holiday Gift Guide', subject: 'The holiday gift guide is here', sms: false }],
    [day(12, 8), { name: 'Holiday Gifts Under $50', subject: 'Gifts under $50', sms: false }],
    [day(12, 12), { name: 'Holiday Best Sellers', subject: 'Our most-gifted pieces', sms: false }],
    [day(12, 15), { name: 'Christmas Shipping Reminder', subject: 'Order by Dec 18 for Christmas delivery', sms: true }],
    [day(12, 18), { name: 'Last Day for Christmas Shipping', subject: 'Last day for Christmas delivery', sms: true }],
    [day(12, 21), { name: 'Last-Minute Gift Cards', subject: 'Last-minute? Send a gift card', sms: false }],
    [day(12, 26), { name: 'After-Christmas Sale', subject: 'After-Christmas Sale starts now', sms: true }],
  ]);
}

const calendarByYear = new Map<number, Map<number, Occasion>>();

/**
 * The marketing occasion of a local day, if any: the Black Friday / Cyber Monday week, the
 * December run-up to Christmas, the summer sale and smaller holidays. Sends cluster on these days,
 * which is where real accounts see their peaks.
 */
export function occasionOn(dayNumber: number): Occasion | undefined {
  const { year } = civilDateOf(dayNumber);
  let calendar = calendarByYear.get(year);
  if (!calendar) {
    calendar = occasionsOfYear(year);
    calendarByYear.set(year, calendar);
  }
  return calendar.get(dayNumber);
}
