import { InvalidFaultPlanError, FAULT_PLAN_SYNTAX, parseFaultPlan } from '../http/faults/fault-plan.js';
import { isValidTimeZone } from '../time/zoned-time.js';
import type { SimulatorOptions } from '../server/start-simulator.js';

/** The environment variables the CLI reads, all optional. */
export const CONFIG_VARIABLES = [
  'SEED', 'PORT', 'HOST', 'NOW', 'SIZE', 'ORDERS_PER_DAY', 'MONTHS', 'TIMEZONE', 'CURRENCY', 'API_KEY', 'PUBLIC_BASE_URL',
  'RATE_LIMITS', 'FAULTS', 'FAULT_SEED',
] as const;

/** The CLI's configuration, or every problem found in it. */
export type ConfigResult = { ok: true; options: SimulatorOptions } | { ok: false; problems: string[] };

const DEFAULT_PORT = 4010;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads the simulator's configuration from environment variables (SEED, PORT, HOST, NOW, SIZE,
 * ORDERS_PER_DAY, MONTHS, TIMEZONE, CURRENCY, API_KEY, PUBLIC_BASE_URL, RATE_LIMITS, FAULTS,
 * FAULT_SEED) and reports every bad value at once, each with what is expected. Unlike
 * `startSimulator`, the CLI enforces Klaviyo's rate limits unless `RATE_LIMITS=off`.
 *
 * @example readConfig({ SEED: '7', PORT: '0' }) // { ok: true, options: { seed: 7, port: 0, host: '127.0.0.1', rateLimits: 'klaviyo' } }
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const problems: string[] = [];
  const value = (name: (typeof CONFIG_VARIABLES)[number]) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const integer = (name: (typeof CONFIG_VARIABLES)[number], min: number, max: number, hint: string): number | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const parsed = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(parsed >= min && parsed <= max)) problems.push(`${name} must be ${hint}; got "${raw}".`);
    return parsed;
  };

  const options: SimulatorOptions = { port: DEFAULT_PORT, host: value('HOST') ?? '127.0.0.1', rateLimits: 'klaviyo' };
  const seed = integer('SEED', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'an integer');
  if (seed !== undefined) options.seed = seed;
  const port = integer('PORT', 0, 65_535, 'an integer from 0 to 65535 (0 picks a free port)');
  if (port !== undefined) options.port = port;
  const size = integer('SIZE', 100, 5_000_000, 'an integer from 100 to 5000000 (profiles signed up by 2026-11-01; event volumes scale with it)');
  if (size !== undefined) options.size = size;
  const months = integer('MONTHS', 1, 360, 'an integer from 1 to 360');
  if (months !== undefined) options.months = months;

  const now = value('NOW');
  if (now !== undefined) {
    const instant = ISO_INSTANT.test(now) ? new Date(now) : undefined;
    if (!instant || Number.isNaN(instant.getTime())) problems.push(`NOW must be an ISO-8601 instant such as 2026-11-01T00:00:00Z; got "${now}".`);
    else options.now = instant;
  }
  const ordersPerDay = value('ORDERS_PER_DAY');
  if (ordersPerDay !== undefined) {
    const parsed = /^\d+(\.\d+)?$/.test(ordersPerDay) ? Number(ordersPerDay) : NaN;
    if (!(parsed >= 0 && parsed <= 100_000)) problems.push(`ORDERS_PER_DAY must be a number from 0 to 100000; got "${ordersPerDay}".`);
    else options.ordersPerDay = parsed;
  }
  const timezone = value('TIMEZONE');
  if (timezone !== undefined) {
    if (!isValidTimeZone(timezone)) problems.push(`TIMEZONE must be an IANA time zone such as America/New_York; got "${timezone}".`);
    else options.timezone = timezone;
  }
  const currency = value('CURRENCY');
  if (currency !== undefined) {
    if (!/^[A-Z]{3}$/.test(currency)) problems.push(`CURRENCY must be a three-letter ISO 4217 code such as USD; got "${currency}".`);
    else options.currency = currency;
  }
  const apiKey = value('API_KEY');
  if (apiKey !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(apiKey)) problems.push('API_KEY must be printable ASCII without spaces.');
    else options.apiKey = apiKey;
  }
  const publicBaseUrl = value('PUBLIC_BASE_URL');
  if (publicBaseUrl !== undefined) {
    if (!/^https?:\/\/[^\s?#]+$/.test(publicBaseUrl) || !URL.canParse(publicBaseUrl)) {
      problems.push(`PUBLIC_BASE_URL must be an http(s) URL without query, such as http://localhost:4010; got "${publicBaseUrl}".`);
    } else options.publicBaseUrl = publicBaseUrl;
  }
  const rateLimits = value('RATE_LIMITS');
  if (rateLimits !== undefined) {
    if (rateLimits !== 'klaviyo' && rateLimits !== 'off') problems.push(`RATE_LIMITS must be "klaviyo" (the spec's limits, enforced) or "off"; got "${rateLimits}".`);
    else options.rateLimits = rateLimits;
  }
  const faults = value('FAULTS');
  if (faults !== undefined) {
    try {
      options.faults = parseFaultPlan(faults);
    } catch (error) {
      if (!(error instanceof InvalidFaultPlanError)) throw error;
      problems.push(`FAULTS must be ${FAULT_PLAN_SYNTAX}; ${error.problems.join(' ')}`);
    }
  }
  const faultSeed = integer('FAULT_SEED', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'an integer (default: SEED)');
  if (faultSeed !== undefined) options.faultSeed = faultSeed;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
}
