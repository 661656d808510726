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

  constructor(
    code: KlensErrorCode,
    message: string,
    details: { status?: number; endpoint: string; errors?: KlaviyoErrorObject[]; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.endpoint = details.endpoint;
    this.errors = details.errors ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Builds the error for a final (not retried) HTTP failure, with a message that says what to do. */
export function klaviyoHttpError(
  status: number,
  endpoint: string,
  errors: KlaviyoErrorObject[],
  retryAfterSeconds?: number,
): KlaviyoError {
  const first = errors[0];
  const said = first ? ` Klaviyo said: ${[first.title, first.detail].filter(Boolean).join(' — ')}` : '';
  const parameter = first?.source?.parameter ? ` (parameter ${first.source.parameter})` : '';
  const details = { status, endpoint, errors, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
  if (status === 401) {
    return new KlaviyoError('KLAVIYO_AUTHENTICATION', `Klaviyo rejected the API key (401) on ${endpoint}. Check that KLAVIYO_API_KEY is a current private key (pk_…).${said}`, details);
  }
  if (status === 403) {
    return new KlaviyoError('KLAVIYO_PERMISSION', `The Klaviyo API key lacks a scope needed for ${endpoint} (403). Give the key read access to accounts, metrics and events.${said}`, details);
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
  return new KlaviyoError('KLAVIYO_BAD_REQUEST', `Klaviyo refused the request to ${endpoint}${parameter} (${status}).${said}`, details);
}
