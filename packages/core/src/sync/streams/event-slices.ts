import { KlensError } from '../../errors/klens-error.js';

/** A part of an events backfill window, loaded on its own and resumable from its own watermark. */
export interface EventSlice {
  /** sync_state key: `events:<metric>@<from>`. */
  stream: string;
  from: Date;
  to: Date;
}

/**
 * Splits [from, to) into `count` back-to-back slices on whole seconds (Klaviyo's filter resolution),
 * so that no event falls between two slices or into two.
 *
 * ### Examples
 * ```ts
 * planSlices('events:X', new Date('2026-01-01'), new Date('2026-01-03'), 2).map((slice) => slice.from.toISOString());
 * // ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']
 * ```
 */
export function planSlices(stream: string, from: Date, to: Date, count: number): EventSlice[] {
  if (!Number.isInteger(count) || count < 1) throw new KlensError('CONFIG_INVALID', `backfillSlices must be a positive integer (got ${count}).`);
  const start = Math.floor(from.getTime() / 1000);
  const end = Math.floor(to.getTime() / 1000);
  const seconds = end - start;
  if (seconds <= 0) return [];
  const slices = Math.min(count, seconds);
  return Array.from({ length: slices }, (_, i) => {
    const sliceFrom = new Date((start + Math.floor((seconds * i) / slices)) * 1000);
    const sliceTo = new Date((start + Math.floor((seconds * (i + 1)) / slices)) * 1000);
    return { stream: `${stream}@${sliceFrom.toISOString()}`, from: sliceFrom, to: sliceTo };
  });
}
