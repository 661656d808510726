import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKlaviyoDateTime, KLAVIYO_DATETIME_LENGTH, writeKlaviyoDateTime } from './klaviyo-datetime.js';

/** The definition: ISO-8601 in UTC to whole seconds, with an explicit +00:00 offset. */
const reference = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`;

describe('formatKlaviyoDateTime', () => {
  it('writes any instant a Date holds as toISOString does, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(formatKlaviyoDateTime(ms)).toBe(reference(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats consecutive instants of the same and of other days alike, and Dates as numbers', () => {
    const start = Date.parse('2026-03-08T06:59:58.250Z');
    for (let ms = start; ms < start + 3 * 86_400_000; ms += 3_599_999) expect(formatKlaviyoDateTime(ms)).toBe(reference(ms));
    expect(formatKlaviyoDateTime(new Date('1999-12-31T23:59:59.999Z'))).toBe('1999-12-31T23:59:59+00:00');
    expect(formatKlaviyoDateTime(Date.parse('0000-01-01T00:00:00Z') - 1)).toBe(reference(Date.parse('0000-01-01T00:00:00Z') - 1));
  });

  it('writes as bytes what it formats, touching only its 25 bytes, and declines years it cannot write in four digits', () => {
    const written = (ms: number) => {
      const target = new Uint8Array(KLAVIYO_DATETIME_LENGTH + 6).fill(0x7e);
      const ok = writeKlaviyoDateTime(target, 3, ms);
      return { ok, text: String.fromCharCode(...target) };
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(written(ms)).toEqual({ ok: true, text: `~~~${reference(ms)}~~~` });
      }),
      { numRuns: 2000 },
    );
    const start = Date.parse('2026-11-27T23:59:58.500Z');
    for (let ms = start; ms < start + 86_400_000; ms += 3_599_999) expect(written(ms).text).toBe(`~~~${reference(ms)}~~~`);
    for (const ms of [Date.parse('0000-01-01T00:00:00Z') - 1, Date.parse('+010000-01-01T00:00:00Z'), NaN]) {
      expect(written(ms)).toEqual({ ok: false, text: '~'.repeat(KLAVIYO_DATETIME_LENGTH + 6) });
    }
  });
});
