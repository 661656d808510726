/** HTTP statuses where asking again cannot help: the request or the token must change first. */
const final = new Set([400, 401, 403, 404, 412]);

/**
 * Retry policy for Klens queries: up to two retries for server or network trouble, none for
 * errors the caller has to fix (bad input, expired token, unknown metric).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: unknown } } | null)?.data?.httpStatus;
  if (typeof status === 'number' && final.has(status)) return false;
  return failureCount < 2;
}
