import { Hono } from 'hono';
import { hashedUuid } from '../store/ids.js';
import type { KlaviyoStore } from '../store/types.js';
import { ApiError, errorEnvelope, internalError, methodNotAllowed, notFound } from './api-error.js';
import { jsonApiResponse } from './json-api-response.js';
import { checkAuthorization, checkRevision } from './request-checks.js';
import { getAccounts } from './routes/get-accounts.js';
import { getEvents } from './routes/get-events.js';
import { getMetrics } from './routes/get-metrics.js';
import type { RouteContext } from './routes/route-context.js';

/** Options of {@link createSimulatorApp}. */
export interface SimulatorAppOptions {
  /** The private API key clients must send as `Authorization: Klaviyo-API-Key <apiKey>`. */
  apiKey: string;
  /**
   * Origin (and optional path prefix) for absolute links such as `links.next`, e.g. when the
   * simulator sits behind a proxy. Default: each request's own origin.
   */
  publicBaseUrl?: string;
}

const ROUTES: Record<string, (context: RouteContext, request: Request) => Response> = {
  '/api/accounts': getAccounts,
  '/api/metrics': getMetrics,
  '/api/events': getEvents,
};

/**
 * The simulator's HTTP API as a Hono app: `GET /api/accounts`, `/api/metrics` and `/api/events`
 * with Klaviyo's auth, `revision` header, JSON:API bodies, filters, sparse fieldsets and cursor
 * paging. Serve it with any Hono adapter, or use {@link startSimulator}.
 *
 * ### Examples
 * ```ts
 * const app = createSimulatorApp(createKlaviyoStore({ seed: 1 }), { apiKey: 'pk_test' });
 * const response = await app.request('/api/accounts', {
 *   headers: { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15' },
 * });
 * ```
 */
export function createSimulatorApp(store: KlaviyoStore, options: SimulatorAppOptions): Hono {
  const context: RouteContext = { store, publicBaseUrl: options.publicBaseUrl };
  const app = new Hono({ strict: false });

  const errorResponse = (error: ApiError, request: Request): Response => {
    const url = new URL(request.url);
    const id = hashedUuid(store.options.seed, request.method, url.pathname + url.search, error.code);
    return jsonApiResponse(errorEnvelope(error, id), error.status);
  };

  app.onError((error, c) => errorResponse(error instanceof ApiError ? error : internalError(), c.req.raw));
  app.notFound((c) => errorResponse(notFound(c.req.path), c.req.raw));

  app.use('*', async (c, next) => {
    checkAuthorization(c.req.header('Authorization'), options.apiKey);
    checkRevision(c.req.header('revision'));
    await next();
  });

  for (const [path, handler] of Object.entries(ROUTES)) {
    app.get(path, (c) => handler(context, c.req.raw));
    app.all(path, (c) => {
      throw methodNotAllowed(c.req.method, path);
    });
  }
  return app;
}
