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
