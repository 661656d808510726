import { civilDateOf, daysInMonth, weekdayOf } from '../time/civil-date.js';
import { promotionOn } from './promotions.js';

/** Yearly growth of demand: a steadily growing store. */
export const ANNUAL_GROWTH = 1.25;

/** Demand by weekday, Sunday first: shoppers buy more at weekends. Averages 1. */
export const WEEKDAY_FACTORS = [1.15, 0.95, 0.93, 0.94, 0.96, 0.97, 1.1] as const;

/** Demand by month, January first, read at mid-month: a January lull and a Q4 peak. */
export const MONTH_FACTORS = [0.85, 0.88, 0.95, 0.97, 1, 0.98, 0.96, 0.98, 1, 1.05, 1.25, 1.35] as const;

function monthFactor(monthIndex: number): number {
  return MONTH_FACTORS[((monthIndex % 12) + 12) % 12] ?? 1;
}

/** The yearly seasonal factor of a day, interpolated between the mid-points of months. */
export function seasonalFactor(dayNumber: number): number {
  const { year, month, day } = civilDateOf(dayNumber);
  const position = (day - 0.5) / daysInMonth(year, month) - 0.5;
  const here = monthFactor(month - 1);
  const neighbour = monthFactor(position >= 0 ? month : month - 2);
  return here + (neighbour - here) * Math.abs(position);
}

/**
 * Expected Placed Order count on a local day: the baseline at the anchor date, times growth
 * since the anchor date, times weekday and yearly seasonality, times any promotion's lift.
 *
 * @example expectedOrders({ ordersPerDay: 120, anchorDay: 20_000 }, 20_000) // ≈ 120 × season × weekday
 */
export function expectedOrders(model: { ordersPerDay: number; anchorDay: number }, dayNumber: number): number {
  const growth = ANNUAL_GROWTH ** ((dayNumber - model.anchorDay) / 365.25);
  const weekday = WEEKDAY_FACTORS[weekdayOf(dayNumber)] ?? 1;
  const promotion = promotionOn(dayNumber)?.lift ?? 1;
  return model.ordersPerDay * growth * weekday * seasonalFactor(dayNumber) * promotion;
}
