import type { Context, MiddlewareHandler } from 'hono';
import type { ApiError } from '../api-error.js';
import { appendDuplicate, breakRecord, gatewayTimeout, invalidCursor, nextLink, serverError, truncateBody } from './broken-bodies.js';
import { chooseFault, requestKey, type ChosenFault } from './fault-choice.js';
import type { FaultPlan } from './fault-plan.js';

/** Waits `ms` milliseconds, or less if `signal` aborts (the client went away). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The default {@link Sleep}: a timer, cleared when the client disconnects. */
export const sleepWithTimer: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Options of {@link faultMiddleware}. */
export interface FaultMiddlewareOptions {
  plan: FaultPlan;
  /** The fault seed: with the request, it alone decides which request is faulted. */
  seed: number;
  sleep: Sleep;
  /** The app's own fetch, for the second page the `duplicates` fault looks at. */
  dispatch: (request: Request) => Promise<Response>;
  /** Turns an error into the app's error response (Klaviyo's envelope). */
  errorResponse: (error: ApiError, request: Request) => Response;
}

/** Most faulted requests whose attempts are remembered; beyond it the oldest are forgotten. */
const REMEMBERED_REQUESTS = 100_000;

/** Sub-requests the app makes to itself; they are never faulted or counted. */
const internalRequests = new WeakSet<Request>();

/** Whether the app made this request to itself (see the `duplicates` fault). */
export function isInternalRequest(request: Request): boolean {
  return internalRequests.has(request);
}

/** Whether a kind can apply to this request before it is handled. */
function applies(fault: ChosenFault, url: URL): boolean {
  if (fault.kind === 'expired-cursor') return url.searchParams.has('page[cursor]') || url.searchParams.has('page_cursor');
  return true;
}

/**
 * Injects the faults of a plan. Which request is faulted is a pure function of (fault seed,
 * request key) — see {@link chooseFault}. Retries are told apart by an attempt counter per request
 * key, kept in this middleware (one per app instance) and only for faulted requests: attempts
 * 1…n of a transport fault fail, attempt n+1 is served normally. So a run is reproducible, a
 * retrying client always gets through, and a fresh app starts counting again.
 *
 * ### Examples
 * ```ts
 * app.use('*', faultMiddleware({ plan: parseFaultPlan('server-errors:0.05'), seed: 1, sleep: sleepWithTimer, dispatch: app.fetch, errorResponse }));
 * ```
 */
export function faultMiddleware(options: FaultMiddlewareOptions): MiddlewareHandler {
  const { plan, seed, sleep, errorResponse } = options;
  const attempts = new Map<string, number>();
  return async (c, next) => {
    const request = c.req.raw;
    if (plan.length === 0 || internalRequests.has(request)) return next();
    const url = new URL(request.url);
    const body = request.method === 'POST' || request.method === 'PATCH' ? await request.clone().text() : '';
    const key = requestKey(request.method, url, body);
    const fault = chooseFault(plan, seed, key);
    if (!fault || !applies(fault, url)) return next();
    if (Number.isFinite(fault.faultedAttempts)) {
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.delete(key);
      attempts.set(key, attempt);
      if (attempts.size > REMEMBERED_REQUESTS) attempts.delete(attempts.keys().next().value as string);
      if (attempt > fault.faultedAttempts) return next();
    }
    switch (fault.kind) {
      case 'server-errors':
        return errorResponse(serverError(fault.variant), request);
      case 'expired-cursor':
        return errorResponse(invalidCursor(), request);
      case 'timeout':
        await sleep(fault.parameter, request.signal);
        return errorResponse(gatewayTimeout(), request);
      case 'slow':
        await sleep(fault.parameter, request.signal);
        return next();
      case 'truncated':
        await next();
        // A 204 has no body to cut.
        if (c.res.status < 300 && c.res.body !== null) c.res = new Response(truncateBody(await c.res.text(), fault.variant), c.res);
        return;
      case 'malformed':
        await next();
        await rewriteJson(c, (json) => breakRecord(json, fault.variant));
        return;
      case 'duplicates':
        await next();
        await rewriteJson(c, async (json) => {
          const next = nextLink(json);
          if (next === undefined) return false;
          const second = new Request(next, { headers: request.headers });
          internalRequests.add(second);
          const response = await options.dispatch(second);
          return response.status === 200 && appendDuplicate(json, await response.json());
        });
        return;
    }
  };
}

/** Lets `change` edit a 200 JSON body; the response is replaced only if it did. */
async function rewriteJson(c: Context, change: (json: unknown) => boolean | Promise<boolean>): Promise<void> {
  if (c.res.status !== 200) return;
  const original = c.res;
  const json: unknown = await original.clone().json();
  if (await change(json)) c.res = new Response(JSON.stringify(json), original);
}
