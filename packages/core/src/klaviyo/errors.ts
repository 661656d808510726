import { KlensError, type KlensErrorCode } from '../errors/klens-error.js';

/** One entry of Klaviyo's `errors` array, as far as we rely on it. */
export interface KlaviyoErrorObject {
  id?: string;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

/**
 * A request to Klaviyo failed. `status` is the HTTP status (undefined for network failures),
 * `errors` what Klaviyo said, `endpoint` the path that failed. Never holds the API key.
 */
export class KlaviyoError extends KlensError {
  readonly status: number | undefined;
  readonly endpoint: string;
  readonly errors: KlaviyoErrorObject[];
  /** Seconds Klaviyo asked us to wait (429), when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** The query parameter Klaviyo rejected (400), e.g. `filter` for an invalid filter. */
  readonly parameter: string | undefined;
  /** Attempts made before giving up (1 when the failure was not worth a retry). */
  readonly attempts: number | undefined;

  constructor(
    code: KlensErrorCode,
    message: string,
    details: { status?: number; endpoint: string; errors?: KlaviyoErrorObject[]; retryAfterSeconds?: number; attempts?: number; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.endpoint = details.endpoint;
    this.errors = details.errors ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.parameter = this.errors.find((error) => error.source?.parameter)?.source?.parameter;
    this.attempts = details.attempts;
  }
}

/** Builds the error for a final (not retried) HTTP failure, with a message that says what to do. */
export function klaviyoHttpError(
  status: number,
  endpoint: string,
  errors: KlaviyoErrorObject[],
  retryAfterSeconds?: number,
  context: { scope?: string; attempts?: number } = {},
): KlaviyoError {
  const first = errors[0];
  const said = first ? ` Klaviyo said: ${[first.title, first.detail].filter(Boolean).join(' — ')}` : '';
  const parameter = first?.source?.parameter ? ` (parameter ${first.source.parameter})` : '';
  const details = {
    status,
    endpoint,
    errors,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(context.attempts !== undefined ? { attempts: context.attempts } : {}),
  };
  if (status === 401) {
    return new KlaviyoError('KLAVIYO_AUTHENTICATION', `Klaviyo rejected the API key (401) on ${endpoint}. Check that KLAVIYO_API_KEY is a current private key (pk_…).${said}`, details);
  }
  if (status === 403) {
    return new KlaviyoError('KLAVIYO_PERMISSION', `The Klaviyo API key lacks a scope needed for ${endpoint} (403). Give the key ${context.scope ? `the ${context.scope} scope` : 'read access to accounts, metrics, events, profiles, lists, segments, campaigns and flows'} in Klaviyo (Settings → API keys).${said}`, details);
  }
  if (status === 404) {
    return new KlaviyoError('KLAVIYO_NOT_FOUND', `Klaviyo has no ${endpoint} (404).${said}`, details);
  }
  if (status === 429) {
    return new KlaviyoError('KLAVIYO_RATE_LIMITED', `Klaviyo kept rate-limiting ${endpoint} (429) after every retry; try again in ${retryAfterSeconds ?? 60} s or sync less often.${said}`, details);
  }
  if (status >= 500) {
    return new KlaviyoError('KLAVIYO_SERVER', `Klaviyo failed on ${endpoint} (${status}) after every retry; this is on Klaviyo's side, try again later.${said}`, details);
  }
  if (first?.source?.parameter === 'filter') {
    return new KlaviyoError('KLAVIYO_BAD_REQUEST', `Klaviyo refused the filter of ${endpoint}${parameter} (400): Klens asked for a field or operator this endpoint does not support; update Klens or report the filter.${said}`, details);
  }
  return new KlaviyoError('KLAVIYO_BAD_REQUEST', `Klaviyo refused the request to ${endpoint}${parameter} (${status}).${said}`, details);
}

/**
 * Klaviyo refused a `page[cursor]` it issued (cursors expire after about three days, and a listing
 * can change under them). A sync restarts the listing from its last watermark instead of failing.
 */
export class KlaviyoCursorExpiredError extends KlaviyoError {
  constructor(cause: KlaviyoError) {
    super('KLAVIYO_BAD_REQUEST', `Klaviyo no longer accepts the page cursor for ${cause.endpoint}; start the listing again from its first page.`, {
      endpoint: cause.endpoint,
      errors: cause.errors,
      ...(cause.status !== undefined ? { status: cause.status } : {}),
      cause,
    });
  }
}
