import { KlaviyoError, klaviyoHttpError } from '../errors.js';
import type { AttemptOutcome } from './attempt.js';

/** Where and how a request finally failed. */
export interface FailureContext {
  endpoint: string;
  origin: string;
  attempts: number;
  /** Scope the endpoint needs, for the 403 message. */
  scope: string;
  /** Set when the total deadline, not the retry count, ended the attempts. */
  deadlineMs?: number;
}

/** The coded error for the last failed attempt of a request; never mentions the key. */
export function requestFailure(outcome: Exclude<AttemptOutcome, { kind: 'ok' }>, context: FailureContext): KlaviyoError {
  const { endpoint, attempts } = context;
  const tries = attempts === 1 ? '' : ` after ${attempts} attempts${context.deadlineMs ? ` (the ${Math.round(context.deadlineMs / 1000)} s deadline ran out)` : ''}`;
  switch (outcome.kind) {
    case 'http': {
      const error = klaviyoHttpError(outcome.status, endpoint, outcome.errors, outcome.retryAfterSeconds, { scope: context.scope, attempts });
      if (!context.deadlineMs) return error;
      return new KlaviyoError(error.code, `${error.message} Gave up when the ${Math.round(context.deadlineMs / 1000)} s deadline ran out.`, {
        status: outcome.status, endpoint, errors: outcome.errors, attempts, ...(outcome.retryAfterSeconds !== undefined ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
      });
    }
    case 'network': {
      const what = outcome.timedOut ? 'did not answer in time' : `could not be reached (${describe(outcome.cause)})`;
      return new KlaviyoError('KLAVIYO_NETWORK', `Klaviyo at ${context.origin} ${what} for ${endpoint}${tries}. Check the network and KLAVIYO_BASE_URL, then sync again.`, {
        endpoint, attempts, cause: outcome.cause,
      });
    }
    case 'malformed':
      return new KlaviyoError(
        'KLAVIYO_INVALID_RESPONSE',
        `Klaviyo's answer to ${endpoint} (${outcome.status}) was cut off or was not a JSON:API document${tries}. Sync again later; nothing was stored from it.`,
        { status: outcome.status, endpoint, attempts, cause: outcome.cause },
      );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  return String(error);
}
