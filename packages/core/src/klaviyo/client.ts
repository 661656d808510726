import { KlensError } from '../errors/klens-error.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import { type KlaviyoErrorObject, KlaviyoError, klaviyoHttpError } from './errors.js';

/** The Klaviyo API revision Klens is written against (openapi-subset.json). */
export const KLAVIYO_REVISION = '2026-07-15';

export type KlaviyoQuery = Record<string, string | number | undefined>;

/** One response as received: what the ETL stores raw and then transforms. */
export interface KlaviyoResponse {
  /** Path of the request, e.g. `/api/events`. */
  endpoint: string;
  /** Query parameters sent (decoded), including any page cursor. */
  params: Record<string, string>;
  status: number;
  revision: string;
  /** Parsed JSON body. */
  body: KlaviyoDocument;
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
  /** A private API key (`pk_…`). Sent only to `baseUrl`, never logged. */
  apiKey: string;
  /** Default `https://a.klaviyo.com`. Point it at the simulator in tests and the demo. */
  baseUrl?: string;
  /** `revision` header. Default {@link KLAVIYO_REVISION}. */
  revision?: string;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  logger?: Logger;
  /** Retries after a 429, 5xx, timeout or network failure. Default 4. */
  maxRetries?: number;
  /** Per-attempt timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Waits between retries. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Random source in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Clock for `receivedAt`. */
  clock?: () => Date;
}

/** Reads Klaviyo's REST API: authentication, revision, retries and cursor pagination in one place. */
export interface KlaviyoClient {
  readonly revision: string;
  /** GET one document. `pathOrUrl` is a path (`/api/metrics`) or a `links.next` URL. */
  get(pathOrUrl: string, query?: KlaviyoQuery, signal?: AbortSignal): Promise<KlaviyoResponse>;
  /** GET a collection and follow `links.next` until the last page, one response per page. */
  pages(path: string, query?: KlaviyoQuery, signal?: AbortSignal): AsyncGenerator<KlaviyoResponse>;
}

const retryableStatus = (status: number) => status === 429 || status >= 500;

/**
 * Creates a Klaviyo API client.
 *
 * ### Examples
 * ```ts
 * const klaviyo = createKlaviyoClient({ apiKey: process.env.KLAVIYO_API_KEY! });
 * for await (const page of klaviyo.pages('/api/metrics')) console.log(page.body.data);
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
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const clock = options.clock ?? (() => new Date());

  // A links.next URL is followed on our own base URL whatever host it names, so the key is only
  // ever sent where the caller configured it.
  const urlFor = (pathOrUrl: string, query: KlaviyoQuery = {}): URL => {
    const given = new URL(pathOrUrl, base);
    const url = new URL(given.pathname + given.search, base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  };

  async function get(pathOrUrl: string, query?: KlaviyoQuery, signal?: AbortSignal): Promise<KlaviyoResponse> {
    const url = urlFor(pathOrUrl, query);
    const endpoint = url.pathname;
    const params = Object.fromEntries(url.searchParams);
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw cancelled(signal.reason);
      const started = performance.now();
      const outcome = await attemptOnce(url, signal);
      const ms = Math.round(performance.now() - started);
      if (outcome.kind === 'ok') {
        logger.debug('klaviyo request', { endpoint, status: outcome.status, ms, attempt });
        return { endpoint, params, status: outcome.status, revision, body: outcome.body, receivedAt: clock() };
      }
      const retryable = outcome.kind === 'network' || retryableStatus(outcome.status);
      if (!retryable || attempt >= maxRetries) {
        logger.warn('klaviyo request failed', { endpoint, status: outcome.kind === 'http' ? outcome.status : undefined, ms, attempt });
        throw finalError(outcome, endpoint);
      }
      const wait = backoffMs(attempt, outcome.kind === 'http' ? outcome.retryAfterSeconds : undefined);
      logger.info('klaviyo request retried', { endpoint, status: outcome.kind === 'http' ? outcome.status : 'network', attempt, waitMs: wait });
      await sleep(wait);
    }
  }

  type Outcome =
    | { kind: 'ok'; status: number; body: KlaviyoDocument }
    | { kind: 'http'; status: number; errors: KlaviyoErrorObject[]; retryAfterSeconds?: number }
    | { kind: 'network'; cause: unknown }
    | { kind: 'invalid'; status: number; cause: unknown };

  async function attemptOnce(url: URL, signal?: AbortSignal): Promise<Outcome> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        headers: {
          authorization: `Klaviyo-API-Key ${options.apiKey}`,
          revision,
          accept: 'application/vnd.api+json',
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw cancelled(cause);
      return { kind: 'network', cause };
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      // A truncated or non-JSON body: worth a retry when the status says so, a clear error otherwise.
      if (retryableStatus(response.status)) return { kind: 'http', status: response.status, errors: [] };
      return { kind: 'invalid', status: response.status, cause };
    }
    if (!response.ok) {
      const errors = Array.isArray((json as { errors?: unknown })?.errors) ? (json as { errors: KlaviyoErrorObject[] }).errors : [];
      const retryAfter = Number(response.headers.get('retry-after'));
      return { kind: 'http', status: response.status, errors, ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}) };
    }
    if (!json || typeof json !== 'object' || !('data' in json)) {
      return { kind: 'invalid', status: response.status, cause: new Error('no `data` member in the body') };
    }
    return { kind: 'ok', status: response.status, body: json as KlaviyoDocument };
  }

  function finalError(outcome: Exclude<Outcome, { kind: 'ok' }>, endpoint: string): KlaviyoError {
    switch (outcome.kind) {
      case 'http':
        return klaviyoHttpError(outcome.status, endpoint, outcome.errors, outcome.retryAfterSeconds);
      case 'network':
        return new KlaviyoError('KLAVIYO_NETWORK', `Could not reach Klaviyo at ${base.origin} for ${endpoint} after ${maxRetries + 1} attempts: ${describe(outcome.cause)}. Check the network and KLAVIYO_BASE_URL.`, { endpoint, cause: outcome.cause });
      case 'invalid':
        return new KlaviyoError('KLAVIYO_INVALID_RESPONSE', `Klaviyo answered ${endpoint} (${outcome.status}) with a body that is not a JSON:API document.`, { status: outcome.status, endpoint, cause: outcome.cause });
    }
  }

  // Exponential backoff with full jitter, but never sooner than Klaviyo's Retry-After.
  function backoffMs(attempt: number, retryAfterSeconds: number | undefined): number {
    const exponential = Math.min(30_000, 500 * 2 ** attempt);
    const jittered = exponential / 2 + random() * (exponential / 2);
    return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
  }

  async function* pages(path: string, query?: KlaviyoQuery, signal?: AbortSignal): AsyncGenerator<KlaviyoResponse> {
    let next: string | undefined = urlFor(path, query).toString();
    while (next) {
      const response: KlaviyoResponse = await get(next, undefined, signal);
      yield response;
      next = response.body.links?.next ?? undefined;
    }
  }

  return { revision, get, pages };
}

function cancelled(cause: unknown): KlensError {
  return new KlensError('ABORTED', 'The request to Klaviyo was cancelled by its caller.', { cause });
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
