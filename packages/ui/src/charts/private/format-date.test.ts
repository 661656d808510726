// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pointDateFormatter, timeTickFormatter } from './format-date.js';

describe('timeTickFormatter', () => {
  const tick = timeTickFormatter('en-US');

  it('labels each tick with the coarsest unit it starts', () => {
    expect(tick(new Date(2025, 0, 1))).toBe('2025');
    expect(tick(new Date(2025, 2, 1))).toBe('Mar');
    expect(tick(new Date(2025, 2, 9))).toBe('Mar 9');
    expect(tick(new Date(2025, 2, 9, 12))).toMatch(/^12:00\sPM$/);
  });

  it('follows the locale', () => {
    const de = timeTickFormatter('de-DE');
    expect(de(new Date(2025, 2, 1))).toBe('Mär');
    expect(de(new Date(2025, 2, 9))).toBe('9. März');
  });
});

describe('pointDateFormatter', () => {
  it('formats with the given options', () => {
    expect(pointDateFormatter('en-US', { dateStyle: 'medium' })(new Date(2025, 2, 9))).toBe('Mar 9, 2025');
    expect(pointDateFormatter('de-DE', { dateStyle: 'medium' })(new Date(2025, 2, 9))).toBe('09.03.2025');
    expect(pointDateFormatter('en-US', { month: 'long', year: 'numeric' })(new Date(2025, 0, 1))).toBe(
      'January 2025',
    );
  });
});
