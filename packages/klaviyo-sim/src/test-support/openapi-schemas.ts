import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The spec copy shipped with this package (see spec/SOURCE.md). */
export const SPEC_PATH = fileURLToPath(new URL('../../spec/openapi-subset.json', import.meta.url));
const SPEC_ID = 'https://klens.invalid/openapi-subset.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Rewrites OpenAPI 3.0 schema objects as JSON Schema: `nullable: true` becomes a `null` type
 * (or an `anyOf` with null where there is no `type`, as next to `$ref` or `oneOf`), `oneOf`
 * becomes `anyOf` (its alternatives overlap), and annotations JSON Schema does not know
 * (`example`, `x-…`) are dropped.
 */
export function openApiToJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'nullable' || key.startsWith('x-')) continue;
    // Klaviyo's oneOf lists overlap without a discriminator (EmailSendOptions and SMSSendOptions are
    // the same schema; FlowEmail requires nothing), so a valid body matches several: read as anyOf.
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

/** Validators for the spec's component schemas and shared responses, `$ref`s resolved. */
export function loadSpecValidators(): {
  schema(name: string): ValidateFunction;
  response(name: string): ValidateFunction;
} {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { components: Json };
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  // ajv-formats is CommonJS: its default export may arrive wrapped.
  const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: SPEC_ID, components: openApiToJsonSchema(spec.components) });
  return {
    schema: (name) => ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${name}` }),
    response: (name) =>
      ajv.compile({ $ref: `${SPEC_ID}#/components/responses/${name}/content/application~1vnd.api+json/schema` }),
  };
}
