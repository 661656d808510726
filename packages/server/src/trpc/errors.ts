import { isKlensError, type KlensErrorCode } from '@klens/core';
import { TRPCError } from '@trpc/server';

type TRPCCode = TRPCError['code'];

// The one place where core's error codes meet HTTP. A KlensError's message is written for users,
// so it goes through; anything else is an internal error whose details stay in the logs.
const statusOf: Record<KlensErrorCode, TRPCCode> = {
  CONFIG_INVALID: 'INTERNAL_SERVER_ERROR',
  DATABASE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  MIGRATION_FAILED: 'INTERNAL_SERVER_ERROR',
  KLAVIYO_AUTHENTICATION: 'PRECONDITION_FAILED',
  KLAVIYO_PERMISSION: 'PRECONDITION_FAILED',
  KLAVIYO_BAD_REQUEST: 'BAD_GATEWAY',
  KLAVIYO_NOT_FOUND: 'BAD_GATEWAY',
  KLAVIYO_RATE_LIMITED: 'TOO_MANY_REQUESTS',
  KLAVIYO_SERVER: 'BAD_GATEWAY',
  KLAVIYO_NETWORK: 'BAD_GATEWAY',
  KLAVIYO_INVALID_RESPONSE: 'BAD_GATEWAY',
  ABORTED: 'CLIENT_CLOSED_REQUEST',
  ACCOUNT_NOT_SYNCED: 'NOT_FOUND',
  METRIC_NOT_FOUND: 'NOT_FOUND',
  INVALID_DATE_RANGE: 'BAD_REQUEST',
  INVALID_SERIES: 'BAD_REQUEST',
  INVALID_PARAMETER: 'BAD_REQUEST',
};

/** Maps any error thrown in a procedure to the TRPCError the caller sees, keeping the cause. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (isKlensError(error)) {
    const code = statusOf[error.code];
    const message = code === 'INTERNAL_SERVER_ERROR' ? 'Klens hit an internal error; it has been logged.' : error.message;
    return new TRPCError({ code, message, cause: error });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Klens hit an internal error; it has been logged.', cause: error });
}
