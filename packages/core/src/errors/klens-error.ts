/**
 * Codes of every error that core throws on purpose. The server maps each code to an HTTP/tRPC
 * status in one place, so a new code must be added there too.
 */
export type KlensErrorCode =
  | 'CONFIG_INVALID'
  | 'DATABASE_UNAVAILABLE'
  | 'MIGRATION_FAILED'
  | 'KLAVIYO_AUTHENTICATION'
  | 'KLAVIYO_PERMISSION'
  | 'KLAVIYO_BAD_REQUEST'
  | 'KLAVIYO_NOT_FOUND'
  | 'KLAVIYO_RATE_LIMITED'
  | 'KLAVIYO_SERVER'
  | 'KLAVIYO_NETWORK'
  | 'KLAVIYO_INVALID_RESPONSE'
  | 'ABORTED'
  | 'ACCOUNT_NOT_SYNCED'
  | 'METRIC_NOT_FOUND'
  | 'INVALID_DATE_RANGE'
  | 'INVALID_SERIES'
  | 'INVALID_PARAMETER';

/**
 * Base class of core's errors: a stable `code` for programs, a `message` written for the person
 * who has to act on it (what went wrong and what to do), and the underlying `cause` kept for logs.
 *
 * ### Examples
 * ```ts
 * throw new KlensError('INVALID_DATE_RANGE', '`from` (2026-02-01) is after `to` (2026-01-01).');
 * ```
 */
export class KlensError extends Error {
  readonly code: KlensErrorCode;

  constructor(code: KlensErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** True when `error` is a {@link KlensError}, optionally with one of the given codes. */
export function isKlensError(error: unknown, ...codes: KlensErrorCode[]): error is KlensError {
  return error instanceof KlensError && (codes.length === 0 || codes.includes(error.code));
}
