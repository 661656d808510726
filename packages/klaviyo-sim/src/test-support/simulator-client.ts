import type { RunningSimulator } from '../server/start-simulator.js';

/** A response as the tests look at it. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Default headers of a well-behaved client. */
export function clientHeaders(simulator: Pick<RunningSimulator, 'apiKey'>): Record<string, string> {
  return { Authorization: `Klaviyo-API-Key ${simulator.apiKey}`, revision: '2026-07-15', accept: 'application/vnd.api+json' };
}

/** GETs a path or absolute URL from a running simulator over its real socket. */
export async function apiGet(
  simulator: Pick<RunningSimulator, 'url' | 'apiKey'>,
  pathOrUrl: string,
  headers: Record<string, string> = clientHeaders(simulator),
): Promise<ApiResponse> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : simulator.url + pathOrUrl;
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** `path?filter=…` with the filter URI-encoded, plus any other raw query parts. */
export function withFilter(path: string, filter: string, ...rest: string[]): string {
  return `${path}?${[`filter=${encodeURIComponent(filter)}`, ...rest].join('&')}`;
}

/** The first error object of an error envelope. */
export function firstError(response: ApiResponse): Record<string, any> {
  return response.body.errors[0];
}

/** A response with its body text; `body` is the parsed JSON, or undefined when the body is empty (a 204). */
export interface SentResponse extends ApiResponse {
  text: string;
}

/**
 * Sends `method` to a running simulator over its real socket, with a JSON:API body when given
 * (an object is sent as JSON, a string as it is, so tests can send broken bodies).
 */
export async function apiSend(simulator: Pick<RunningSimulator, 'url' | 'apiKey'>, method: string, path: string, body?: unknown): Promise<SentResponse> {
  const headers = { ...clientHeaders(simulator), ...(body === undefined ? {} : { 'content-type': 'application/vnd.api+json' }) };
  const response = await fetch(simulator.url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text === '' ? undefined : JSON.parse(text) };
}

/** The body of `PATCH /api/flows/{id}` that sets a flow's status. */
export function flowStatusBody(id: string, status: string): { data: { type: 'flow'; id: string; attributes: { status: string } } } {
  return { data: { type: 'flow', id, attributes: { status } } };
}
