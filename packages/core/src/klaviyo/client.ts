import { KlensError } from '../errors/klens-error.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import { KlaviyoCursorExpiredError, KlaviyoError } from './errors.js';
import type { KlaviyoBodyOf, KlaviyoGetPath, KlaviyoPostPath, KlaviyoRequestOptions, KlaviyoResponseOf } from './api-types.js';
import { requestFailure } from './request/failure.js';
import { attemptOnce, backoffMs, isRetryable } from './request/attempt.js';
import { fillPath, operationFor, type KlaviyoOperation } from './request/operations.js';
import { createConcurrencyLimit, createRateLimiter, type RateLimiter } from './request/rate-limiter.js';

/** The Klaviyo API revision Klens is written against (openapi-subset.json). */
export const KLAVIYO_REVISION = '2026-07-15';

/** Query parameters; arrays (sparse fieldsets, `include`) are sent comma-separated. */
export type KlaviyoQuery = Record<string, string | number | readonly string[] | undefined>;

/** One response as received: what the ETL stores raw and then transforms. */
export interface KlaviyoResponse<Body = KlaviyoDocument> {
  /** Path of the request, e.g. `/api/events`. */
  endpoint: string;
  /** Query parameters sent (decoded), including any page cursor. */
  params: Record<string, string>;
  status: number;
  revision: string;
  /** Parsed JSON body, typed as the spec declares it; callers still validate what they read. */
  body: Body;
  receivedAt: Date;
}

/** A JSON:API document, loosely: callers validate what they read from it. */
export interface KlaviyoDocument {
  data: unknown;
  included?: unknown[];
  links?: { self?: string; next?: string | null; prev?: string | null };
  meta?: unknown;
}

export interface KlaviyoClientOptions {
  /** A private API key (`pk_…`). Sent only to `baseUrl`, never logged, never in an error. */
  apiKey: string;
  /** Default `https://a.klaviyo.com`. Point it at the simulator in tests and the demo. */
  baseUrl?: string;
  /** `revision` header. Default {@link KLAVIYO_REVISION}. */
  revision?: string;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  logger?: Logger;
  /** Retries after a 429, 5xx, timeout, network failure or cut-off body. Default 4. */
  maxRetries?: number;
  /** Per-attempt timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Most time one request may take, retries and waits included. Default 300 000 ms. */
  deadlineMs?: number;
  /** Requests in flight at once, across all endpoints. Default 4. */
  maxConcurrency?: number;
  /** Spaces requests within Klaviyo's per-endpoint limits. Default: one per client; share one between clients of an account. */
  rateLimiter?: RateLimiter;
  /** Waits between retries and for the rate limiter. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Random source in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Clock for `receivedAt`, the rate limiter and the deadline. Default: the system clock. */
  clock?: () => Date;
}

/** Reads Klaviyo's REST API: authentication, revision, rate limits, retries and cursor pagination in one place. */
export interface KlaviyoClient {
  readonly revision: string;
  /** GET one document. `pathOrUrl` is a path (`/api/metrics`) or a `links.next` URL. */
  get(pathOrUrl: string, query?: KlaviyoQuery, signal?: AbortSignal): Promise<KlaviyoResponse>;
  /** GET a collection and follow `links.next` until the last page, one response per page. */
  pages(path: string, query?: KlaviyoQuery, signal?: AbortSignal): AsyncGenerator<KlaviyoResponse>;
  /** GET one document of a spec operation, typed by its path template. */
  read<P extends KlaviyoGetPath>(path: P, ...options: OptionsArgument<P>): Promise<KlaviyoResponse<KlaviyoResponseOf<P>>>;
  /** GET every page of a spec collection, typed by its path template. */
  list<P extends KlaviyoGetPath>(path: P, ...options: OptionsArgument<P>): AsyncGenerator<KlaviyoResponse<KlaviyoResponseOf<P>>>;
  /** POST a query (metric aggregates, reports) with a typed body. */
  post<P extends KlaviyoPostPath>(
    path: P,
    body: KlaviyoBodyOf<P>,
    options?: KlaviyoRequestOptions<P, 'post'>,
  ): Promise<KlaviyoResponse<KlaviyoResponseOf<P, 'post'>>>;
}

type OptionsArgument<P extends KlaviyoGetPath> = KlaviyoRequestOptions<P> extends { path: object }
  ? [options: KlaviyoRequestOptions<P>]
  : [options?: KlaviyoRequestOptions<P>];

// Paths outside the spec get the strictest tier (XS) rather than none.
const unknownTier = (method: 'GET' | 'POST', pathname: string): KlaviyoOperation => ({
  operationId: `${method} ${pathname}`, method, path: pathname, burst: 1, steady: 15, scope: '',
});

/**
 * Creates a Klaviyo API client. Every request goes through one path: a token bucket per endpoint
 * tier, bounded concurrency, retries with exponential backoff and jitter (honouring `Retry-After`),
 * a per-attempt timeout and a total deadline, and coded {@link KlaviyoError}s that say what to do.
 *
 * ### Examples
 * ```ts
 * const klaviyo = createKlaviyoClient({ apiKey: process.env.KLAVIYO_API_KEY! });
 * for await (const page of klaviyo.list('/api/metrics')) console.log(page.body.data.length);
 * const flows = klaviyo.list('/api/flows/{id}/flow-actions', { path: { id: 'XyZ' }, query: { 'page[size]': 50 } });
 * ```
 */
export function createKlaviyoClient(options: KlaviyoClientOptions): KlaviyoClient {
  if (!options.apiKey?.trim()) {
    throw new KlensError('CONFIG_INVALID', 'A Klaviyo private API key is required (KLAVIYO_API_KEY).');
  }
  const base = new URL(options.baseUrl ?? 'https://a.klaviyo.com');
  const revision = options.revision ?? KLAVIYO_REVISION;
  const doFetch = options.fetch ?? globalThis.fetch;
  const logger = options.logger ?? silentLogger;
  const maxRetries = options.maxRetries ?? 4;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadlineMs = options.deadlineMs ?? 300_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const clock = options.clock ?? (() => new Date());
  const limiter = options.rateLimiter ?? createRateLimiter({ now: () => clock().getTime(), sleep });
  const concurrency = createConcurrencyLimit(options.maxConcurrency ?? 4);

  // A links.next URL is followed on our own base URL whatever host it names, so the key is only
  // ever sent where the caller configured it.
  const urlFor = (pathOrUrl: string, query: KlaviyoQuery = {}): URL => {
    const given = new URL(pathOrUrl, base);
    const url = new URL(given.pathname + given.search, base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url;
  };

  function send(method: 'GET' | 'POST', url: URL, body: unknown, signal: AbortSignal | undefined): Promise<KlaviyoResponse<never>> {
    const endpoint = url.pathname;
    const operation = operationFor(method, endpoint) ?? unknownTier(method, endpoint);
    const headers: Record<string, string> = {
      authorization: `Klaviyo-API-Key ${options.apiKey}`,
      revision,
      accept: 'application/vnd.api+json',
      ...(body === undefined ? {} : { 'content-type': 'application/vnd.api+json' }),
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return concurrency(async () => {
      const started = clock().getTime();
      let waited = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          await limiter.acquire(operation, signal);
        } catch (cause) {
          throw cancelled(cause);
        }
        const attemptStarted = performance.now();
        const outcome = await attemptOnce(doFetch, { url, method, headers, timeoutMs, ...(payload !== undefined ? { body: payload } : {}), ...(signal ? { signal } : {}) }).catch(
          (cause: unknown) => {
            throw cancelled(cause);
          },
        );
        const ms = Math.round(performance.now() - attemptStarted);
        if (outcome.kind === 'ok') {
          logger.debug('klaviyo request', { method, endpoint, status: outcome.status, ms, attempt });
          return { endpoint, params: Object.fromEntries(url.searchParams), status: outcome.status, revision, body: outcome.body as never, receivedAt: clock() };
        }
        const status = outcome.kind === 'http' || outcome.kind === 'malformed' ? outcome.status : undefined;
        const wait = backoffMs(attempt, random, outcome.kind === 'http' ? outcome.retryAfterSeconds : undefined);
        const elapsed = Math.max(clock().getTime() - started, waited);
        const pastDeadline = elapsed + wait > deadlineMs;
        if (!isRetryable(outcome) || attempt >= maxRetries || pastDeadline) {
          logger.warn('klaviyo request failed', { method, endpoint, status, kind: outcome.kind, ms, attempt });
          throw requestFailure(outcome, { endpoint, origin: base.origin, attempts: attempt + 1, scope: operation.scope, ...(pastDeadline && isRetryable(outcome) ? { deadlineMs } : {}) });
        }
        logger.info('klaviyo request retried', { method, endpoint, status, kind: outcome.kind, attempt, waitMs: wait });
        await sleep(wait);
        waited += wait;
      }
    });
  }

  const get = (pathOrUrl: string, query?: KlaviyoQuery, signal?: AbortSignal) => send('GET', urlFor(pathOrUrl, query), undefined, signal) as Promise<KlaviyoResponse>;

  /**
   * Pages of a listing. The next page is requested as soon as this one has arrived, so it is on
   * the wire while the caller handles this one (a sync then waits for the slower of the two, not
   * their sum). Pages are still handed over one at a time and in order; when the caller stops
   * early, the request on its way is aborted.
   */
  async function* pages(path: string, query?: KlaviyoQuery, signal?: AbortSignal): AsyncGenerator<KlaviyoResponse> {
    const abandoned = new AbortController();
    const requestSignal = signal ? AbortSignal.any([signal, abandoned.signal]) : abandoned.signal;
    const request = (url: string): Promise<KlaviyoResponse> => {
      const cursorPage = new URL(url).searchParams.has('page[cursor]');
      const response = get(url, undefined, requestSignal).catch((error: unknown) => {
        // Only a cursor Klaviyo itself handed out can go stale: a 400 on a follow-up page says so.
        throw cursorPage && error instanceof KlaviyoError && error.status === 400 ? new KlaviyoCursorExpiredError(error) : error;
      });
      // Its failure is thrown where it is awaited; a request abandoned with the listing is not an unhandled rejection.
      response.catch(() => undefined);
      return response;
    };
    let pending: Promise<KlaviyoResponse> | undefined = request(urlFor(path, query).toString());
    try {
      while (pending) {
        let response: KlaviyoResponse | undefined = await pending;
        const next: string | undefined = response.body.links?.next ?? undefined;
        pending = next ? request(next) : undefined;
        yield response;
        // Let go of the page before waiting for the next: a suspended generator keeps its locals,
        // dead or not, so each page would live until the next one arrived and, with several
        // listings read at once, outlast collections of the young generation.
        response = undefined;
      }
    } finally {
      abandoned.abort(new KlensError('ABORTED', 'The listing was closed before its last page.'));
    }
  }

  // The generated types have already checked the options; here they are plain records.
  const typedTarget = (path: string, requestOptions: { path?: unknown; query?: unknown } | undefined) =>
    urlFor(fillPath(path, requestOptions?.path as Record<string, string> | undefined), requestOptions?.query as KlaviyoQuery | undefined);

  return {
    revision,
    get,
    pages,
    read: (path, ...rest) => send('GET', typedTarget(path, rest[0]), undefined, rest[0]?.signal),
    list: (path, ...rest) => pages(typedTarget(path, rest[0]).toString(), undefined, rest[0]?.signal) as AsyncGenerator<never>,
    post: (path, body, requestOptions) => send('POST', typedTarget(path, requestOptions), body, requestOptions?.signal),
  };
}

function cancelled(cause: unknown): KlensError {
  if (cause instanceof KlensError) return cause;
  return new KlensError('ABORTED', 'The request to Klaviyo was cancelled by its caller.', { cause });
}
