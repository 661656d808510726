const HOUR = 3_600_000;

/**
 * The first instant of the local hour holding `instant`, in a zone whose UTC offset that day is
 * `offset` (ms). Local hours are whole UTC hours shifted by the offset's minutes (India: :30);
 * clock changes move whole hours, so any offset of the same day gives the same hours.
 *
 * @example localHourStart(Date.UTC(2026, 0, 1, 0, 10), 19_800_000) // Date.UTC(2025, 11, 31, 23, 30): 05:00 in Kolkata
 */
export function localHourStart(instant: number, offset: number): number {
  const minutes = offset % HOUR;
  return Math.floor((instant - minutes) / HOUR) * HOUR + minutes;
}
