const MS_PER_DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
/** Years Date#toISOString writes with four digits; others take the general path. */
const FOUR_DIGIT_YEARS = { from: Date.parse('0000-01-01T00:00:00Z'), to: Date.parse('+010000-01-01T00:00:00Z') };

/** A Klaviyo datetime's 25 characters (`2022-11-08T01:23:45+00:00`). */
export const KLAVIYO_DATETIME_LENGTH = 25;

const TWO_DIGIT_CODES = Uint8Array.from({ length: 120 }, (_, slot) => (TWO_DIGITS[slot >>> 1] as string).charCodeAt(slot & 1));
const OFFSET_CODES = Uint8Array.from('+00:00', (char) => char.charCodeAt(0));
// The date part of the last day written: pages hold thousands of events of the same day, so
// writing one costs a few bytes instead of a Date and toISOString.
let lastByteDay = NaN;
const lastDateCodes = new Uint8Array(11);

function putTwoDigits(target: Uint8Array, at: number, value: number): void {
  target[at] = TWO_DIGIT_CODES[value << 1] as number;
  target[at + 1] = TWO_DIGIT_CODES[(value << 1) + 1] as number;
}

/**
 * Writes {@link formatKlaviyoDateTime}'s 25 characters as ASCII bytes at `at`, for the events
 * served; `false`, with nothing written, for instants outside years 0000–9999 (whose text has
 * another width).
 */
export function writeKlaviyoDateTime(target: Uint8Array, at: number, ms: number): boolean {
  if (!(ms >= FOUR_DIGIT_YEARS.from && ms < FOUR_DIGIT_YEARS.to)) return false;
  const day = Math.floor(ms / MS_PER_DAY);
  if (day !== lastByteDay) {
    const datePart = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
    for (let i = 0; i < 11; i += 1) lastDateCodes[i] = datePart.charCodeAt(i);
    lastByteDay = day;
  }
  // Loops, not TypedArray#set: its fixed cost is larger than copying eleven bytes.
  for (let i = 0; i < 11; i += 1) target[at + i] = lastDateCodes[i] as number;
  const seconds = Math.floor((ms - day * MS_PER_DAY) / 1000);
  putTwoDigits(target, at + 11, Math.floor(seconds / 3600));
  target[at + 13] = 0x3a; // ':'
  putTwoDigits(target, at + 14, Math.floor((seconds % 3600) / 60));
  target[at + 16] = 0x3a;
  putTwoDigits(target, at + 17, seconds % 60);
  for (let i = 0; i < 6; i += 1) target[at + 19 + i] = OFFSET_CODES[i] as number;
  return true;
}

const formatted = Buffer.alloc(KLAVIYO_DATETIME_LENGTH);

/**
 * Formats an instant the way Klaviyo writes datetimes: UTC, whole seconds, explicit `+00:00`
 * offset (`2022-11-08T01:23:45+00:00`). {@link writeKlaviyoDateTime}'s bytes as a string.
 */
export function formatKlaviyoDateTime(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!writeKlaviyoDateTime(formatted, 0, ms)) return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
  return formatted.toString('latin1');
}
