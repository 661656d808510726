import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The spec copy shipped with this package (see spec/SOURCE.md). */
export const SPEC_PATH = fileURLToPath(new URL('../../spec/openapi-subset.json', import.meta.url));
/** The edit operations (PATCH of flows; DELETE of flows, flow actions, campaigns, lists and segments), cut from the full spec (see spec/SOURCE.md). */
export const EDITS_SPEC_PATH = fileURLToPath(new URL('../../spec/openapi-edits.json', import.meta.url));

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

/** What an operation's spec says about one response status. */
export interface ResponseValidator {
  /** The media type of its body, or `undefined` when the spec gives it no content (a 204). */
  contentType: string | undefined;
  /** Validates its body; `undefined` when it has none. */
  validate: ValidateFunction | undefined;
}

/** Validators of one operation of the spec: its request body and its responses by status. */
export interface OperationValidators {
  /** Validates the request body of the operation's only media type. */
  requestBody(): ValidateFunction;
  /**
   * The response the spec declares for a status: the exact code, else its `4XX`/`5XX` range, else `default`.
   *
   * @throws {Error} when the spec declares no response for the status.
   */
  response(status: number): ResponseValidator;
}

type Operation = { requestBody?: { content: Record<string, Json> }; responses: Record<string, { $ref?: string; content?: Record<string, Json> }> };

/** A JSON pointer as a URI fragment: `~` and `/` escaped, then percent-encoded (`{id}` in paths). */
const fragment = (segments: readonly string[]) => `#/${segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

/** The only media type of a `content` map. */
function onlyMediaType(content: Record<string, Json>, where: string): string {
  const types = Object.keys(content);
  if (types.length !== 1) throw new Error(`${where} has ${types.length} media types`);
  return types[0] as string;
}

/**
 * Validators for the spec's component schemas, shared responses and operations, `$ref`s resolved.
 * `specPath` is `openapi-subset.json` unless given (the edits have their own copy).
 */
export function loadSpecValidators(specPath = SPEC_PATH): {
  schema(name: string): ValidateFunction;
  response(name: string): ValidateFunction;
  operation(method: string, path: string): OperationValidators;
} {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { components: Json; paths: Record<string, Record<string, Operation>> };
  const specId = `https://klens.invalid/${specPath.split(/[\\/]/).pop() ?? 'openapi.json'}`;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  // ajv-formats is CommonJS: its default export may arrive wrapped.
  const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addKeyword('paths');
  ajv.addSchema({ $id: specId, components: openApiToJsonSchema(spec.components), paths: openApiToJsonSchema(spec.paths as unknown as Json) });
  const compileAt = (segments: readonly string[]) => ajv.compile({ $ref: `${specId}${fragment(segments)}` });
  return {
    schema: (name) => compileAt(['components', 'schemas', name]),
    response: (name) => compileAt(['components', 'responses', name, 'content', 'application/vnd.api+json', 'schema']),
    operation: (method, path) => {
      const key = method.toLowerCase();
      const operation = spec.paths[path]?.[key];
      if (!operation) throw new Error(`${method} ${path} is not in ${specPath}`);
      return {
        requestBody: () => {
          const content = operation.requestBody?.content;
          if (!content) throw new Error(`${method} ${path} takes no request body`);
          return compileAt(['paths', path, key, 'requestBody', 'content', onlyMediaType(content, `${method} ${path}`), 'schema']);
        },
        response: (status) => {
          const responses = operation.responses;
          const code = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
          if (code === undefined) throw new Error(`${method} ${path} declares no response for ${status}`);
          const declared = responses[code] as { $ref?: string; content?: Record<string, Json> };
          const shared = declared.$ref?.replace('#/components/responses/', '');
          const content = shared === undefined ? declared.content : (spec.components as { responses: Record<string, { content?: Record<string, Json> }> }).responses[shared]?.content;
          if (!content) return { contentType: undefined, validate: undefined };
          const contentType = onlyMediaType(content, `${method} ${path} ${code}`);
          const at = shared === undefined ? ['paths', path, key, 'responses', code] : ['components', 'responses', shared];
          return { contentType, validate: compileAt([...at, 'content', contentType, 'schema']) };
        },
      };
    },
  };
}
