import type { paths } from './generated/openapi.js';

// Request and response types of every operation, derived from the generated spec types, so a
// misspelt path, parameter, enum value or body field fails to compile instead of failing at Klaviyo.

type HttpMethod = 'get' | 'post';
type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;
type JsonApi = 'application/vnd.api+json';

/** Paths with a GET operation, as templates (`/api/flows/{id}/flow-actions`). */
export type KlaviyoGetPath = { [P in keyof paths]: [Operation<P, 'get'>] extends [never] ? never : P }[keyof paths];
/** Paths with a POST operation (metric aggregates and the reports). */
export type KlaviyoPostPath = { [P in keyof paths]: [Operation<P, 'post'>] extends [never] ? never : P }[keyof paths];

/** Query parameters of an operation, as the spec declares them (sparse fieldsets are arrays). */
export type KlaviyoQueryOf<P extends keyof paths, M extends HttpMethod = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Path parameters (`{ id }`) of an operation; `never` when it has none. */
export type KlaviyoPathParamsOf<P extends keyof paths, M extends HttpMethod = 'get'> =
  Operation<P, M> extends { parameters: { path: infer T } } ? T : never;

/** The JSON:API body an operation answers with on success. */
export type KlaviyoResponseOf<P extends keyof paths, M extends HttpMethod = 'get'> =
  Operation<P, M> extends { responses: { 200: { content: { [K in JsonApi]: infer R } } } } ? R : never;

/** The request body of a POST operation. */
export type KlaviyoBodyOf<P extends KlaviyoPostPath> =
  Operation<P, 'post'> extends { requestBody: { content: { [K in JsonApi]: infer B } } } ? B : never;

/** What {@link KlaviyoClient.list} and friends take besides the path. */
export type KlaviyoRequestOptions<P extends keyof paths, M extends HttpMethod = 'get'> = {
  query?: KlaviyoQueryOf<P, M>;
  signal?: AbortSignal;
} & ([KlaviyoPathParamsOf<P, M>] extends [never] ? { path?: undefined } : { path: KlaviyoPathParamsOf<P, M> });
