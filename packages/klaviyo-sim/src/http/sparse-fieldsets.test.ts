import { describe, expect, it } from 'vitest';
import { pickFields } from './sparse-fieldsets.js';

describe('pickFields', () => {
  const attributes = { a: 1, b: { c: 2, d: { e: 3, f: 4 } }, g: null };

  it('keeps everything without a fieldset and only the named attributes with one', () => {
    expect(pickFields(attributes, undefined)).toBe(attributes);
    expect(pickFields(attributes, ['a', 'g', 'id'])).toEqual({ a: 1, g: null });
  });

  it('picks nested paths, and a parent named whole wins over its children', () => {
    expect(pickFields(attributes, ['b.d.e', 'b.c'])).toEqual({ b: { c: 2, d: { e: 3 } } });
    expect(pickFields(attributes, ['b.d.e', 'b'])).toEqual({ b: attributes.b });
    expect(pickFields(attributes, ['g.x'])).toEqual({});
    expect(attributes.b.d).toEqual({ e: 3, f: 4 });
  });
});
