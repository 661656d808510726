import type { KlaviyoErrorObject } from '../errors.js';
import { parseJsonChunks } from './json-body.js';

/** What one HTTP attempt came to. */
export type AttemptOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'http'; status: number; errors: KlaviyoErrorObject[]; retryAfterSeconds?: number }
  /** No answer: connection refused or reset, DNS, or the per-attempt timeout. */
  | { kind: 'network'; cause: unknown; timedOut: boolean }
  /** An answer whose body is cut off or not JSON. */
  | { kind: 'malformed'; status: number; cause: unknown };

export interface AttemptRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Sends one request and reads the whole body. Never throws for what the server or network does;
 * only the caller's own abort escapes (as the signal's reason).
 */
export async function attemptOnce(doFetch: typeof fetch, request: AttemptRequest): Promise<AttemptOutcome> {
  request.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  let chunks: Uint8Array[];
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    });
    chunks = await readChunks(response);
  } catch (cause) {
    if (request.signal?.aborted) throw request.signal.reason;
    return { kind: 'network', cause, timedOut: timeout.aborted };
  }
  let json: unknown;
  try {
    json = chunks.some((chunk) => chunk.length > 0) ? parseJsonChunks(chunks) : undefined;
  } catch (cause) {
    // A failure status says enough without a body (a proxy's HTML 502, say); only a success needs one.
    if (!response.ok) json = undefined;
    else return { kind: 'malformed', status: response.status, cause };
  }
  if (!response.ok) {
    const errors = (json as { errors?: unknown } | undefined)?.errors;
    const retryAfter = response.headers.get('retry-after');
    const seconds = retryAfter === null || retryAfter.trim() === '' ? NaN : Number(retryAfter);
    return {
      kind: 'http',
      status: response.status,
      errors: Array.isArray(errors) ? (errors as KlaviyoErrorObject[]) : [],
      ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterSeconds: seconds } : {}),
    };
  }
  if (!json || typeof json !== 'object' || !('data' in json)) {
    return { kind: 'malformed', status: response.status, cause: new Error('the body has no `data` member') };
  }
  return { kind: 'ok', status: response.status, body: json };
}

/**
 * The body as its chunks of bytes, not text: a page of events is parsed in pieces rather than made
 * one large string, and the chunks are joined in a buffer kept for the purpose (json-body.ts), where
 * `arrayBuffer()` would map a new one for every page.
 */
async function readChunks(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  if (response.body) for await (const chunk of response.body) chunks.push(chunk);
  return chunks;
}

/** Statuses worth another attempt: throttling and server-side failures (the SDKs retry 429, 503, 504, 524). */
export function isRetryable(outcome: Exclude<AttemptOutcome, { kind: 'ok' }>): boolean {
  if (outcome.kind !== 'http') return true;
  return outcome.status === 429 || outcome.status >= 500;
}

/**
 * Exponential backoff with full jitter (base 500 ms, doubling, capped at 30 s), but never sooner
 * than a `Retry-After` Klaviyo sent.
 */
export function backoffMs(attempt: number, random: () => number, retryAfterSeconds?: number): number {
  const exponential = Math.min(30_000, 500 * 2 ** attempt);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, (retryAfterSeconds ?? 0) * 1000));
}
