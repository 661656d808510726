/**
 * The kinds of fault the simulator can inject, in the fixed order in which they share the unit
 * interval (see {@link chooseFault}). Transport faults hit a request's first attempt(s) only, so a
 * retry succeeds; data faults (`malformed`, `duplicates`) are part of the page and come back on
 * every attempt, as bad records in a real account would.
 */
export const FAULT_KINDS = ['server-errors', 'slow', 'timeout', 'truncated', 'expired-cursor', 'malformed', 'duplicates'] as const;

/** One kind of fault. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How often one kind of fault happens, and its parameter. */
export interface FaultRule {
  kind: FaultKind;
  /** Share of eligible requests that get this fault, from 0 to 1. */
  probability: number;
  /**
   * `server-errors`: the most consecutive attempts that fail (each faulted request fails 1 to this
   * many times, then succeeds); default 3. `slow`: added delay in ms, default 1500. `timeout`: how
   * long the request hangs before a 504, in ms; default 100000 (Cloudflare's 100 s, past any sane
   * client timeout). Unused by the other kinds.
   */
  parameter: number;
}

/** A run's faults: at most one rule per kind, in {@link FAULT_KINDS} order. Probabilities sum to at most 1. */
export type FaultPlan = readonly FaultRule[];

/** A fault plan string that cannot be used; `problems` lists every mistake found. */
export class InvalidFaultPlanError extends Error {
  readonly code = 'invalid_fault_plan';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid fault plan: ${problems.join(' ')}`);
    this.name = 'InvalidFaultPlanError';
  }
}

const DEFAULT_PARAMETERS: Record<FaultKind, number> = {
  'server-errors': 3,
  slow: 1500,
  timeout: 100_000,
  truncated: 0,
  'expired-cursor': 0,
  malformed: 0,
  duplicates: 0,
};
const DURATION_KINDS: readonly FaultKind[] = ['slow', 'timeout'];

/** The syntax, for error messages and docs. */
export const FAULT_PLAN_SYNTAX =
  'a comma-separated list of kind:probability[:parameter], e.g. "server-errors:0.05:3,slow:0.02:1500ms,timeout:0.01,truncated:0.01,malformed:0.01,duplicates:0.02,expired-cursor:0.01"' +
  ` (kinds: ${FAULT_KINDS.join(', ')}; probability from 0 to 1; "none" or empty for no faults)`;

function readParameter(kind: FaultKind, raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_PARAMETERS[kind];
  if (DURATION_KINDS.includes(kind)) {
    const match = /^(\d+)(ms|s)?$/.exec(raw);
    if (!match) {
      problems.push(`"${kind}" takes a duration such as 1500ms or 2s; got "${raw}".`);
      return 0;
    }
    return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  }
  if (kind === 'server-errors') {
    const count = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(count >= 1 && count <= 10)) problems.push(`"server-errors" takes a burst length from 1 to 10; got "${raw}".`);
    return count;
  }
  problems.push(`"${kind}" takes no parameter; got "${raw}".`);
  return 0;
}

/**
 * Parses a fault plan such as `server-errors:0.05,slow:0.02:800ms,timeout:0.01`. Each entry is
 * `kind:probability[:parameter]`; see {@link FaultRule} for the parameters. Every mistake is
 * collected before throwing, so one run of the CLI shows them all.
 *
 * @example parseFaultPlan('slow:0.5:2s') // [{ kind: 'slow', probability: 0.5, parameter: 2000 }]
 * @example parseFaultPlan('none') // []
 * @throws {InvalidFaultPlanError} listing each unknown kind, bad probability or parameter, repeated kind, and a total above 1.
 */
export function parseFaultPlan(text: string): FaultPlan {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return [];
  const problems: string[] = [];
  const rules = new Map<FaultKind, FaultRule>();
  for (const entry of trimmed.split(',').map((part) => part.trim())) {
    const [name = '', probabilityText, parameterText, ...extra] = entry.split(':');
    if (!(FAULT_KINDS as readonly string[]).includes(name)) {
      problems.push(`"${entry}" does not start with a known fault kind (${FAULT_KINDS.join(', ')}).`);
      continue;
    }
    const kind = name as FaultKind;
    const probability = probabilityText !== undefined && /^(0|1|0?\.\d+|1\.0*)$/.test(probabilityText) ? Number(probabilityText) : NaN;
    if (Number.isNaN(probability)) problems.push(`"${kind}" needs a probability from 0 to 1 such as ${kind}:0.05; got "${entry}".`);
    if (extra.length > 0) problems.push(`"${entry}" has too many ':' parts; use kind:probability[:parameter].`);
    if (rules.has(kind)) problems.push(`"${kind}" is given more than once.`);
    rules.set(kind, { kind, probability, parameter: readParameter(kind, parameterText, problems) });
  }
  const total = [...rules.values()].reduce((sum, rule) => sum + (Number.isNaN(rule.probability) ? 0 : rule.probability), 0);
  // A request gets at most one fault, so the kinds split the unit interval between them.
  if (total > 1 + 1e-9) problems.push(`the probabilities add up to ${Number(total.toFixed(6))}; at most 1 is possible.`);
  if (problems.length > 0) throw new InvalidFaultPlanError(problems);
  return FAULT_KINDS.flatMap((kind) => {
    const rule = rules.get(kind);
    return rule && rule.probability > 0 ? [rule] : [];
  });
}
