const MS_PER_DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
/** Years Date#toISOString writes with four digits; others take the general path. */
const FOUR_DIGIT_YEARS = { from: Date.parse('0000-01-01T00:00:00Z'), to: Date.parse('+010000-01-01T00:00:00Z') };

// The date part of the last day formatted: pages hold thousands of events of the same day, so
// formatting one costs a few string pieces instead of a Date and toISOString.
let lastDay = NaN;
let lastDatePart = '';

/**
 * Formats an instant the way Klaviyo writes datetimes: UTC, whole seconds, explicit `+00:00`
 * offset (`2022-11-08T01:23:45+00:00`).
 */
export function formatKlaviyoDateTime(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!(ms >= FOUR_DIGIT_YEARS.from && ms < FOUR_DIGIT_YEARS.to)) return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
  const day = Math.floor(ms / MS_PER_DAY);
  if (day !== lastDay) {
    lastDatePart = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
    lastDay = day;
  }
  const seconds = Math.floor((ms - day * MS_PER_DAY) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${lastDatePart}${TWO_DIGITS[hours] as string}:${TWO_DIGITS[minutes] as string}:${TWO_DIGITS[seconds % 60] as string}+00:00`;
}
