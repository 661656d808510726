import { ApiError } from '../api-error.js';

/** A 400 pointing into the request body, e.g. at `/data/attributes/timeframe`. */
export function invalidBody(pointer: string, detail: string): ApiError {
  return new ApiError(400, 'invalid', 'Invalid input.', detail, { pointer });
}

/** The `attributes` of a POST body, read as loosely typed JSON that each field reader checks. */
export type BodyAttributes = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The primary data of a JSON:API request body: its `id` (unchecked, as clients sent it) and `attributes`. */
export interface RequestData {
  id: unknown;
  attributes: BodyAttributes;
}

/**
 * Reads a JSON:API request body `{ data: { type, id?, attributes } }` and checks its type.
 *
 * @throws {ApiError} 400 when the body is not JSON, has no `data` object, another `type`, or no `attributes` object.
 */
export async function readRequestData(request: Request, type: string): Promise<RequestData> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ApiError(400, 'parse_error', 'Malformed request.', 'The request body is not valid JSON.', { pointer: '/data' });
  }
  if (!isObject(body) || !isObject(body.data)) throw invalidBody('/data', "The body must be a JSON:API document with a 'data' object.");
  if (body.data.type !== type) throw invalidBody('/data/type', `'data.type' must be '${type}'; got ${JSON.stringify(body.data.type ?? null)}.`);
  if (!isObject(body.data.attributes)) throw invalidBody('/data/attributes', "'data.attributes' must be an object.");
  return { id: body.data.id, attributes: body.data.attributes };
}

/**
 * The `attributes` of a request body (see {@link readRequestData}), for POST queries without an id.
 *
 * @throws {ApiError} 400 as {@link readRequestData} does.
 */
export async function readRequestAttributes(request: Request, type: string): Promise<BodyAttributes> {
  return (await readRequestData(request, type)).attributes;
}

/**
 * A required string attribute.
 *
 * @throws {ApiError} 400 pointing at it when it is missing or not a non-empty string.
 */
export function requiredString(attributes: BodyAttributes, name: string): string {
  const value = attributes[name];
  if (typeof value !== 'string' || value === '') throw invalidBody(`/data/attributes/${name}`, `'${name}' is required and must be a non-empty string.`);
  return value;
}

/**
 * An optional list of strings, each from `allowed`; `undefined` when absent or null.
 *
 * @throws {ApiError} 400 pointing at it, listing the allowed values.
 */
export function stringList<T extends string>(attributes: BodyAttributes, name: string, allowed: readonly T[], required = false): T[] | undefined {
  const value = attributes[name];
  const pointer = `/data/attributes/${name}`;
  if (value === undefined || value === null) {
    if (required) throw invalidBody(pointer, `'${name}' is required: a non-empty list of ${allowed.join(', ')}.`);
    return undefined;
  }
  if (!Array.isArray(value) || (required && value.length === 0)) throw invalidBody(pointer, `'${name}' must be a${required ? ' non-empty' : ''} list of strings.`);
  for (const item of value) {
    if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
      throw invalidBody(pointer, `${JSON.stringify(item)} is not a valid value for '${name}'. Valid values: ${allowed.join(', ')}.`);
    }
  }
  return value as T[];
}

/**
 * An optional string attribute from `allowed`, or `fallback`.
 *
 * @throws {ApiError} 400 pointing at it, listing the allowed values.
 */
export function oneOf<T extends string>(attributes: BodyAttributes, name: string, allowed: readonly T[], fallback?: T): T {
  const value = attributes[name] ?? fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidBody(`/data/attributes/${name}`, `'${name}' must be one of ${allowed.join(', ')}; got ${JSON.stringify(value ?? null)}.`);
  }
  return value as T;
}
