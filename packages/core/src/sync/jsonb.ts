/**
 * Serializes a value for a jsonb column. PostgreSQL's jsonb cannot hold the NUL character
 * (`\u0000`), which Klaviyo passes through in free-form event properties; it becomes U+FFFD so
 * that one odd string cannot fail a whole page.
 */
export function toJsonb(value: unknown): string {
  // Match \u0000 escapes that are not themselves an escaped backslash followed by "u0000".
  return JSON.stringify(value ?? null).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd');
}
