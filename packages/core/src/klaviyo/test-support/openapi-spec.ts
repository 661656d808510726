import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';

/** The spec the client is written against (the simulator's copy of openapi-subset.json). */
export const SPEC_URL = new URL('../../../../klaviyo-sim/spec/openapi-subset.json', import.meta.url);
const SPEC_ID = 'https://klens.invalid/openapi-subset.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SpecParameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: { type?: string; enum?: string[]; items?: { enum?: string[]; type?: string }; minimum?: number; maximum?: number; default?: unknown };
}

export interface SpecOperation {
  operationId: string;
  parameters?: SpecParameter[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Json }> }>;
}

export interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: Json;
}

export const loadSpec = (): Spec => JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Spec;

/**
 * OpenAPI 3.0 schema objects as JSON Schema: `nullable: true` becomes a `null` type (or an
 * `anyOf` with null next to `$ref`/`oneOf`), `oneOf` becomes `anyOf`, and annotations ajv's strict
 * mode rejects are dropped.
 */
export function openApiToJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'nullable' || key.startsWith('x-')) continue;
    // Klaviyo's spec uses oneOf for alternatives that overlap (email and SMS send_options are both
    // all-optional objects), so no body could match exactly one; what it means is "one of these shapes".
    out[key === 'oneOf' ? 'anyOf' : key] = openApiToJsonSchema(value);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  const { description, ...rest } = out;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
}

/** One ajv instance holding the spec's components; compiles any schema that `$ref`s into them. */
export function specValidators(spec: Spec): { compile(schema: Json): ValidateFunction } {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  // ajv-formats is CommonJS: its default export may arrive wrapped.
  const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: SPEC_ID, components: openApiToJsonSchema(spec.components) });
  const absolute = (schema: Json): Json => {
    if (Array.isArray(schema)) return schema.map(absolute);
    if (schema === null || typeof schema !== 'object') return schema;
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? SPEC_ID + value : absolute(value)]));
  };
  return { compile: (schema) => ajv.compile(absolute(openApiToJsonSchema(schema)) as object) };
}
