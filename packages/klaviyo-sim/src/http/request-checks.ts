import { daysInMonth } from '../time/civil-date.js';
import { authenticationFailed, invalidParameter, notAuthenticated } from './api-error.js';

const SCHEME = 'klaviyo-api-key';
const REVISION = /^(\d{4})-(\d{2})-(\d{2})(?:\.[A-Za-z0-9_-]+)?$/;

/**
 * Checks `Authorization: Klaviyo-API-Key <key>`.
 *
 * @throws {ApiError} 401 `not_authenticated` when the header is missing or uses another scheme,
 * 401 `authentication_failed` when the key is not the account's.
 */
export function checkAuthorization(header: string | undefined, apiKey: string): void {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header ?? '');
  if (!match || match[1]?.toLowerCase() !== SCHEME) throw notAuthenticated();
  if (match[2] !== apiKey) throw authenticationFailed();
}

/**
 * Checks the required `revision` header: `YYYY-MM-DD` with an optional `.suffix` (`2026-07-15`,
 * `2026-07-15.pre`). Any well-formed revision is served the same way.
 *
 * @throws {ApiError} 400 on the `revision` parameter when it is missing or malformed.
 */
export function checkRevision(header: string | undefined): void {
  if (header === undefined || header.trim() === '') {
    throw invalidParameter('revision', 'The revision header is required. Send a revision such as "revision: 2026-07-15".');
  }
  const match = REVISION.exec(header.trim());
  const [, year = '', month = '', day = ''] = match ?? [];
  const validDate = Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= daysInMonth(Number(year), Number(month));
  if (!match || !validDate) {
    throw invalidParameter('revision', `The revision header '${header}' is not valid. Use the format YYYY-MM-DD with an optional .suffix, e.g. 2026-07-15.`);
  }
}
