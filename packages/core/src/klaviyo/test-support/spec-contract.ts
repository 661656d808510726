import type { ValidateFunction } from 'ajv';
import { loadSpec, type Spec, type SpecOperation, specValidators } from './openapi-spec.js';

/** A request as the client sent it, and what came back. */
export interface CapturedExchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  responseBody: unknown;
}

/**
 * Wraps a fetch so that every request and its parsed response are recorded; the response itself
 * passes through untouched.
 */
export function capturingFetch(inner: typeof fetch = fetch): { fetch: typeof fetch; exchanges: CapturedExchange[] } {
  const exchanges: CapturedExchange[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const response = await inner(input, init);
    const text = await response.clone().text();
    let responseBody: unknown;
    try {
      responseBody = JSON.parse(text);
    } catch {
      responseBody = text;
    }
    exchanges.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url: new URL(String(input)),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      status: response.status,
      responseBody,
    });
    return response;
  };
  return { fetch: wrapped, exchanges };
}

/** Checks requests and responses against openapi-subset.json; each check returns its problems. */
export function specContract(spec: Spec = loadSpec()) {
  const validators = specValidators(spec);
  const cache = new Map<string, ValidateFunction>();
  const compiled = (key: string, schema: unknown) => {
    let validate = cache.get(key);
    if (!validate) cache.set(key, (validate = validators.compile(schema as never)));
    return validate;
  };
  const templates = Object.keys(spec.paths).map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`) }));

  function operationOf(method: string, pathname: string): { path: string; operation: SpecOperation } | undefined {
    const template = templates.find(({ pattern }) => pattern.test(pathname));
    const operation = template ? spec.paths[template.path]?.[method.toLowerCase()] : undefined;
    return template && operation ? { path: template.path, operation } : undefined;
  }

  function requestProblems(exchange: CapturedExchange): string[] {
    const found = operationOf(exchange.method, exchange.url.pathname);
    if (!found) return [`${exchange.method} ${exchange.url.pathname} is not an operation of the spec`];
    const { operation } = found;
    const problems: string[] = [];
    const declared = new Map((operation.parameters ?? []).map((parameter) => [`${parameter.in}:${parameter.name.toLowerCase()}`, parameter]));
    const names = [...exchange.url.searchParams.keys()];
    if (new Set(names).size !== names.length) problems.push(`a query parameter is repeated: ${names.join(', ')}`);
    for (const [name, value] of exchange.url.searchParams) {
      const parameter = declared.get(`query:${name.toLowerCase()}`);
      if (!parameter) {
        problems.push(`query parameter ${name} is not declared for ${operation.operationId}`);
        continue;
      }
      problems.push(...valueProblems(parameter, value));
      if (name === 'filter') problems.push(...filterProblems(operation, value));
    }
    for (const parameter of operation.parameters ?? []) {
      if (!parameter.required) continue;
      const present = parameter.in === 'query' ? exchange.url.searchParams.has(parameter.name) : parameter.in === 'header' ? parameter.name.toLowerCase() in exchange.headers : true;
      if (!present) problems.push(`required ${parameter.in} parameter ${parameter.name} is missing`);
    }
    const revision = exchange.headers.revision ?? '';
    if (!/^\d{4}-\d{2}-\d{2}(\.[A-Za-z0-9_-]+)?$/.test(revision)) problems.push(`revision header '${revision}' is not YYYY-MM-DD[.suffix]`);
    if (!/^Klaviyo-API-Key \S+$/.test(exchange.headers.authorization ?? '')) problems.push('Authorization is not "Klaviyo-API-Key <key>"');
    if (operation.requestBody) {
      const content = operation.requestBody.content['application/vnd.api+json'] ?? operation.requestBody.content['application/json'];
      const validate = compiled(`${operation.operationId}:body`, content?.schema);
      if (!validate(exchange.body)) problems.push(`body: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    } else if (exchange.body !== undefined) problems.push(`${operation.operationId} takes no body`);
    return problems;
  }

  function responseProblems(exchange: CapturedExchange): string[] {
    const found = operationOf(exchange.method, exchange.url.pathname);
    if (!found) return [];
    const { operation } = found;
    const key = exchange.status >= 500 ? '5XX' : exchange.status >= 400 ? '4XX' : String(exchange.status);
    let declared = operation.responses[key] ?? (exchange.status < 300 ? operation.responses['200'] ?? operation.responses['201'] : undefined);
    if (!declared) return [`${operation.operationId} declares no ${exchange.status} response`];
    if (declared.$ref) declared = (spec.components as { responses: Record<string, typeof declared> }).responses[declared.$ref.split('/').pop()!]!;
    const schema = declared.content?.['application/vnd.api+json']?.schema ?? declared.content?.['application/json']?.schema;
    const validate = compiled(`${operation.operationId}:${key}`, schema);
    return validate(exchange.responseBody) ? [] : [`${operation.operationId} ${exchange.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`];
  }

  return { operationOf, requestProblems, responseProblems };
}

function valueProblems(parameter: NonNullable<SpecOperation['parameters']>[number], value: string): string[] {
  const schema = parameter.schema ?? {};
  if (schema.type === 'array') {
    const allowed = schema.items?.enum;
    return allowed ? value.split(',').filter((item) => !allowed.includes(item)).map((item) => `${parameter.name}: '${item}' is not one of ${allowed.join('|')}`) : [];
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const number = Number(value);
    if (!/^-?\d+$/.test(value)) return [`${parameter.name}: '${value}' is not an integer`];
    if (schema.minimum !== undefined && number < schema.minimum) return [`${parameter.name}: ${value} < minimum ${schema.minimum}`];
    if (schema.maximum !== undefined && number > schema.maximum) return [`${parameter.name}: ${value} > maximum ${schema.maximum}`];
    return [];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${parameter.name}: '${value}' is not one of ${schema.enum.join('|')}`];
  return [];
}

/** Checks every `op(field,…)` of a filter against the operation's `x-klaviyo-filters`. */
function filterProblems(operation: SpecOperation, filter: string): string[] {
  const allowed = (operation as { 'x-klaviyo-filters'?: Record<string, { operators: { single?: string[]; list?: string[] } }> })['x-klaviyo-filters'];
  if (!allowed) return [`${operation.operationId} declares no filterable fields`];
  const problems: string[] = [];
  const conditions = [...filter.matchAll(/([a-z-]+)\(([^,()]+),/g)].filter(([, op]) => !['and', 'or', 'not'].includes(op!));
  if (conditions.length === 0) problems.push(`filter '${filter}' has no condition`);
  for (const [, op, field] of conditions) {
    const rule = allowed[field!];
    if (!rule) problems.push(`filter field ${field} is not filterable on ${operation.operationId}`);
    else if (![...(rule.operators.single ?? []), ...(rule.operators.list ?? [])].includes(op!)) problems.push(`filter ${op}(${field}) is not allowed on ${operation.operationId}`);
  }
  if (operation.operationId === 'get_campaigns' && !/equals\(messages\.channel,/.test(filter)) problems.push('campaign listings need a messages.channel filter');
  return problems;
}
