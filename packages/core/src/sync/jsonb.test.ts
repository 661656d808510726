import { describe, expect, it } from 'vitest';
import { toJsonb } from './jsonb.js';

describe('toJsonb', () => {
  it('replaces NUL characters, which jsonb cannot store', () => {
    expect(JSON.parse(toJsonb({ note: 'a\u0000b' }))).toEqual({ note: 'a\uFFFDb' });
  });

  it('leaves the text "\\u0000" (an escaped backslash) alone', () => {
    const value = { path: 'C:\\u0000' };
    expect(JSON.parse(toJsonb(value))).toEqual(value);
  });

  it('serializes undefined as JSON null', () => expect(toJsonb(undefined)).toBe('null'));
});
