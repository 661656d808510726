import { hashKey } from '../../random/hash.js';
import type { FaultKind, FaultPlan } from './fault-plan.js';

const TWO_TO_THE_32 = 0x1_0000_0000;

/** The fault a request gets, decided from the fault seed and the request alone. */
export interface ChosenFault {
  kind: FaultKind;
  /** The rule's parameter (burst length, delay or hang in ms). */
  parameter: number;
  /** Attempts 1 to this are faulted; later attempts are served normally. `Infinity` for data faults. */
  faultedAttempts: number;
  /** A 32-bit number that picks the fault's details: status code, cut point, broken record. */
  variant: number;
}

/**
 * The identity of a request for fault purposes: method, path without trailing slash, the query
 * parameters sorted (their order does not make another request) and, for POST and PATCH, the body.
 *
 * @example requestKey('GET', new URL('http://x/api/events/?b=2&a=1')) // 'GET /api/events?a=1&b=2'
 */
export function requestKey(method: string, url: URL, body = ''): string {
  const params = [...url.searchParams.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return `${method} ${path}${query ? `?${query}` : ''}${body ? `\n${body}` : ''}`;
}

/**
 * Which fault, if any, a request gets: a pure function of (fault seed, request key). One uniform
 * number u = hash(seed, key) / 2^32 is compared with the plan's rules laid end to end over [0, 1)
 * in {@link FAULT_KINDS} order, so a request gets at most one kind and each kind hits its share of
 * requests. Whether the current attempt is faulted is then `attempt <= faultedAttempts`.
 *
 * ### Examples
 * ```ts
 * chooseFault([{ kind: 'slow', probability: 1, parameter: 1500 }], 7, 'GET /api/metrics');
 * // { kind: 'slow', parameter: 1500, faultedAttempts: 1, variant: … }
 * chooseFault([], 7, 'GET /api/metrics'); // undefined
 * ```
 */
export function chooseFault(plan: FaultPlan, seed: number, key: string): ChosenFault | undefined {
  if (plan.length === 0) return undefined;
  const u = hashKey(seed, 'fault', key) / TWO_TO_THE_32;
  let upper = 0;
  for (const rule of plan) {
    upper += rule.probability;
    if (u >= upper) continue;
    const variant = hashKey(seed, 'fault-variant', key);
    return { kind: rule.kind, parameter: rule.parameter, faultedAttempts: faultedAttempts(rule.kind, rule.parameter, variant), variant };
  }
  return undefined;
}

function faultedAttempts(kind: FaultKind, parameter: number, variant: number): number {
  if (kind === 'malformed' || kind === 'duplicates') return Infinity;
  // A burst of 5xx: 1 to `parameter` failed attempts in a row, then success.
  if (kind === 'server-errors') return 1 + (variant % Math.max(1, parameter));
  return 1;
}
