import { ApiError } from '../api-error.js';

/** The 5xx statuses a burst of server errors uses; the official SDKs retry 503 and 504, not 500 or 502. */
const SERVER_ERROR_STATUSES = [500, 502, 503, 504] as const;

/** A 5xx picked by `variant`, with Klaviyo's ServerError envelope. */
export function serverError(variant: number): ApiError {
  const status = SERVER_ERROR_STATUSES[variant % SERVER_ERROR_STATUSES.length] as number;
  return new ApiError(status, 'error', 'A server error occurred.', 'A server error occurred. Please try again.');
}

/** The 504 a hung request ends with, if the client is still waiting. */
export function gatewayTimeout(): ApiError {
  return new ApiError(504, 'error', 'Gateway timeout.', 'The server did not answer in time. Please try again.');
}

/** Klaviyo's answer to a cursor it no longer accepts (klaviyo/klaviyo-api-python#9). */
export function invalidCursor(): ApiError {
  return new ApiError(400, 'invalid', 'Invalid input.', 'Invalid cursor provided.', { pointer: '/data/' });
}

/**
 * A strict prefix of `text`, cut between 10 % and 90 % of its length. A strict prefix of a JSON
 * object never parses, so the client sees a 200 whose body is cut-off JSON.
 *
 * @example truncateBody('{"data":[1,2,3]}', 0).length // 1
 */
export function truncateBody(text: string, variant: number): string {
  const fraction = 0.1 + 0.8 * ((variant >>> 8) / 0x100_0000);
  return text.slice(0, Math.max(1, Math.min(text.length - 1, Math.floor(text.length * fraction))));
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Ways to break one record, each applicable only if the record has the field. */
const BREAKAGES: readonly ((attributes: Json) => boolean)[] = [
  // No datetime at all: a record that cannot be placed in time.
  (attributes) => {
    if (!('datetime' in attributes)) return false;
    delete attributes.datetime;
    if ('timestamp' in attributes) attributes.timestamp = null;
    return true;
  },
  // A $value that is not a number.
  (attributes) => {
    const properties = attributes.event_properties;
    if (!isObject(properties) || !('$value' in properties)) return false;
    properties.$value = 'N/A';
    return true;
  },
  // A date that does not parse.
  (attributes) => {
    const field = ['datetime', 'updated', 'created', 'updated_at', 'created_at'].find((name) => typeof attributes[name] === 'string');
    if (field === undefined) return false;
    attributes[field] = 'not-a-date';
    return true;
  },
];

/**
 * Breaks one record of a collection body in place, picked by `variant`: removes its datetime,
 * makes its `$value` non-numeric or makes a date unparseable, whichever the record has.
 * Returns whether a record was broken.
 *
 * @example breakRecord({ data: [{ attributes: { datetime: '2026-01-01T00:00:00+00:00' } }] }, 0) // true, datetime removed
 */
export function breakRecord(body: unknown, variant: number): boolean {
  if (!isObject(body) || !Array.isArray(body.data) || body.data.length === 0) return false;
  const record: unknown = body.data[variant % body.data.length];
  if (!isObject(record) || !isObject(record.attributes)) return false;
  const attributes = record.attributes;
  for (let i = 0; i < BREAKAGES.length; i += 1) {
    const breakage = BREAKAGES[((variant >>> 4) + i) % BREAKAGES.length];
    if (breakage?.(attributes)) return true;
  }
  return false;
}

/** `links.next` of a collection body, if any. */
export function nextLink(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.links)) return undefined;
  return typeof body.links.next === 'string' ? body.links.next : undefined;
}

/**
 * Appends the first record of the next page to this page, so the client sees it twice across
 * pages. Returns whether a record was added.
 */
export function appendDuplicate(body: unknown, nextPage: unknown): boolean {
  if (!isObject(body) || !Array.isArray(body.data) || !isObject(nextPage) || !Array.isArray(nextPage.data)) return false;
  const first: unknown = nextPage.data[0];
  if (first === undefined) return false;
  body.data.push(first);
  return true;
}
