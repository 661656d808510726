import { ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { hashedUuid } from '../store/ids.js';
import type { KlaviyoStore } from '../store/types.js';
import { ApiError, errorEnvelope, internalError, methodNotAllowed, notFound } from './api-error.js';
import { faultMiddleware, isInternalRequest, sleepWithTimer, type Sleep } from './faults/fault-middleware.js';
import { parseFaultPlan, type FaultPlan } from './faults/fault-plan.js';
import { jsonApiResponse } from './json-api-response.js';
import { rateLimitMiddleware, type RateLimitMode } from './limits/rate-limit-middleware.js';
import { REPORT_ROUTES } from './reports/report-routes.js';
import { checkAuthorization, checkRevision } from './request-checks.js';
import { deleteCampaign, deleteFlow, deleteFlowAction, deleteList, deleteSegment } from './routes/delete-resource.js';
import { getAccounts } from './routes/get-accounts.js';
import { getLists, getList, getSegment, getSegments } from './routes/get-audiences.js';
import { getCampaign, getCampaignMessage, getCampaignMessageIds, getCampaignMessages } from './routes/get-campaign.js';
import { getCampaigns } from './routes/get-campaigns.js';
import { getEvent, getMetric } from './routes/get-event.js';
import { EVENT_PAGE_BUFFER_BYTES, getEvents } from './routes/get-events.js';
import { getFlowAction, getFlowActionIds, getFlowActions } from './routes/get-flow-actions.js';
import { getFlowActionMessages, getFlowMessage } from './routes/get-flow-messages.js';
import { getFlow, getFlows } from './routes/get-flows.js';
import { getMetrics } from './routes/get-metrics.js';
import { getProfile, getProfiles } from './routes/get-profiles.js';
import { PageReadAhead } from './routes/page-read-ahead.js';
import type { AfterSent, RouteContext } from './routes/route-context.js';
import { updateFlow } from './routes/update-flow.js';
import { PageBufferPool } from './page-buffers.js';

/** Options of {@link createSimulatorApp}. */
export interface SimulatorAppOptions {
  /** The private API key clients must send as `Authorization: Klaviyo-API-Key <apiKey>`. */
  apiKey: string;
  /**
   * Origin (and optional path prefix) for absolute links such as `links.next`, e.g. when the
   * simulator sits behind a proxy. Default: each request's own origin.
   */
  publicBaseUrl?: string;
  /**
   * `'off'` (default: tests and library use stay fast), `'klaviyo'` (the spec's burst, steady and
   * daily limits, answered with 429 and `Retry-After`; `pnpm sim` uses it), or a table of limits.
   */
  rateLimits?: RateLimitMode;
  /** Faults to inject: a plan or its text form (see `parseFaultPlan`). Default: none. */
  faults?: FaultPlan | string;
  /** Seed that, with the request, decides which requests are faulted. Default: the store's seed. */
  faultSeed?: number;
  /** Milliseconds since the epoch, for rate-limit windows. Default `Date.now`. */
  clock?: () => number;
  /** How `slow` and `timeout` faults wait. Default: a timer, cut short when the client disconnects. */
  sleep?: Sleep;
}

const ROUTES: Record<string, (context: RouteContext, request: Request, afterSent?: AfterSent) => Response | Promise<Response>> = {
  '/api/accounts': getAccounts,
  '/api/metrics': getMetrics,
  '/api/metrics/:id': getMetric,
  '/api/events': getEvents,
  '/api/events/:id': getEvent,
  '/api/profiles': getProfiles,
  '/api/profiles/:id': getProfile,
  '/api/lists': getLists,
  '/api/lists/:id': getList,
  '/api/segments': getSegments,
  '/api/segments/:id': getSegment,
  '/api/campaigns': getCampaigns,
  '/api/campaigns/:id': getCampaign,
  '/api/campaigns/:id/campaign-messages': getCampaignMessages,
  '/api/campaigns/:id/relationships/campaign-messages': getCampaignMessageIds,
  '/api/campaign-messages/:id': getCampaignMessage,
  '/api/flows': getFlows,
  '/api/flows/:id': getFlow,
  '/api/flows/:id/flow-actions': getFlowActions,
  '/api/flows/:id/relationships/flow-actions': getFlowActionIds,
  '/api/flow-actions/:id': getFlowAction,
  '/api/flow-actions/:id/flow-messages': getFlowActionMessages,
  '/api/flow-messages/:id': getFlowMessage,
};

/** The operations that edit the account, each on a path whose GET is in {@link ROUTES}. */
const EDIT_ROUTES: readonly (readonly ['PATCH' | 'DELETE', string, (context: RouteContext, request: Request) => Response | Promise<Response>])[] = [
  ['PATCH', '/api/flows/:id', updateFlow],
  ['DELETE', '/api/flows/:id', deleteFlow],
  ['DELETE', '/api/flow-actions/:id', deleteFlowAction],
  ['DELETE', '/api/campaigns/:id', deleteCampaign],
  ['DELETE', '/api/lists/:id', deleteList],
  ['DELETE', '/api/segments/:id', deleteSegment],
];

/**
 * Under @hono/node-server the app's env holds Node's response: its `finish` event says the body
 * has been handed to the socket. Elsewhere (app.request in tests, the faults' own dispatch) there
 * is none, and routes then keep nothing for reuse.
 */
function afterSentOf(env: unknown): AfterSent | undefined {
  const outgoing = (env as { outgoing?: unknown } | undefined)?.outgoing;
  if (!(outgoing instanceof ServerResponse)) return undefined;
  return (done) => outgoing.once('finish', done);
}

/**
 * The simulator's HTTP API as a Hono app: the GET endpoints analytics reads (accounts, metrics,
 * events, profiles, lists, segments, campaigns and their messages, flows with their actions and
 * messages), the POST reports (metric aggregates, campaign and flow values, flow series) and the
 * edits of the account (PATCH a flow's status; DELETE a flow, flow action, campaign, list or
 * segment), with Klaviyo's auth, `revision` header, JSON:API bodies, filters, sparse fieldsets,
 * cursor paging, rate limits and an optional fault plan. Serve it with any Hono adapter, or use
 * {@link startSimulator}.
 *
 * ### Examples
 * ```ts
 * const app = createSimulatorApp(createKlaviyoStore({ seed: 1 }), { apiKey: 'pk_test' });
 * const response = await app.request('/api/accounts', {
 *   headers: { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15' },
 * });
 * ```
 *
 * @throws {InvalidFaultPlanError} when `faults` is a string that is not a valid fault plan.
 */
export function createSimulatorApp(store: KlaviyoStore, options: SimulatorAppOptions): Hono {
  const context: RouteContext = { store, publicBaseUrl: options.publicBaseUrl, eventsReadAhead: new PageReadAhead(), eventPageBuffers: new PageBufferPool(EVENT_PAGE_BUFFER_BYTES) };
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
  const clock = options.clock ?? Date.now;
  app.use('*', rateLimitMiddleware({ mode: options.rateLimits ?? 'off', clock, seed: store.options.seed, exempt: isInternalRequest }));
  const faults = typeof options.faults === 'string' ? parseFaultPlan(options.faults) : (options.faults ?? []);
  const dispatch = async (request: Request) => app.fetch(request);
  app.use('*', faultMiddleware({ plan: faults, seed: options.faultSeed ?? store.options.seed, sleep: options.sleep ?? sleepWithTimer, dispatch, errorResponse }));

  for (const [path, handler] of Object.entries(REPORT_ROUTES)) {
    app.post(path, (c) => handler(context, c.req.raw));
    app.all(path, (c) => {
      throw methodNotAllowed(c.req.method, path);
    });
  }
  // Before the GET routes: their app.all answers 405 to every other method of the path.
  for (const [method, path, handler] of EDIT_ROUTES) app.on(method, path, (c) => handler(context, c.req.raw));
  for (const [path, handler] of Object.entries(ROUTES)) {
    app.get(path, (c) => handler(context, c.req.raw, afterSentOf(c.env)));
    app.all(path, (c) => {
      throw methodNotAllowed(c.req.method, path);
    });
  }
  return app;
}
