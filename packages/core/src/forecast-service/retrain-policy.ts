/** When a stored model stops being good enough to reuse. Every field has a default. */
export interface RetrainPolicy {
  /** A model older than this is retrained even if no data changed. Default 7 days. */
  maxAgeMs?: number;
  /**
   * Complete days that may arrive after the training window before the model is retrained. Default
   * `0`: a new day of data means a new model, so a forecast always starts the day after the last
   * complete day.
   */
  maxStaleDays?: number;
}

export const DEFAULT_RETRAIN_POLICY: Readonly<Required<RetrainPolicy>> = Object.freeze({
  maxAgeMs: 7 * 86_400_000,
  maxStaleDays: 0,
});

/** Why a model is (re)trained; `null` from {@link retrainReason} means the stored one is reused. */
export type RetrainReason = 'no-model' | 'too-old' | 'window-stale' | 'data-changed' | 'settings-changed';

/** What the policy needs to know about a stored model. */
export interface ModelFreshness {
  trainedAt: Date;
  trainingWindow: { from: string; to: string };
  fingerprint: string;
  horizon: number;
  level: number;
  seasonLengths: readonly number[];
}

/** What is wanted now, and what the data of the stored model's window looks like now. */
export interface FreshnessCheck {
  now: Date;
  lastCompleteDay: string;
  /** Fingerprint of today's values over the stored model's window. */
  currentFingerprint: string;
  horizon: number;
  level: number;
  seasonLengths: readonly number[];
}

/**
 * Decides whether a stored model can answer a request, in a fixed order: missing, different
 * settings (a shorter horizon is fine), too old, window too far behind the data, data changed.
 *
 * ### Examples
 * ```ts
 * retrainReason(undefined, check); // 'no-model'
 * retrainReason(model, { ...check, lastCompleteDay: model.trainingWindow.to }); // null when nothing else changed
 * ```
 */
export function retrainReason(model: ModelFreshness | undefined, check: FreshnessCheck, policy: RetrainPolicy = {}): RetrainReason | null {
  if (!model) return 'no-model';
  const { maxAgeMs, maxStaleDays } = { ...DEFAULT_RETRAIN_POLICY, ...policy };
  const sameSeasons = model.seasonLengths.length === check.seasonLengths.length && model.seasonLengths.every((length, i) => length === check.seasonLengths[i]);
  if (!sameSeasons || model.level !== check.level || model.horizon < check.horizon) return 'settings-changed';
  if (check.now.getTime() - model.trainedAt.getTime() > maxAgeMs) return 'too-old';
  // A window ending after the last complete day (the clock went back, or a partial day was trained
  // on) is as wrong as one ending too early.
  const lag = daysBetween(model.trainingWindow.to, check.lastCompleteDay);
  if (lag < 0 || lag > maxStaleDays) return 'window-stale';
  if (model.fingerprint !== check.currentFingerprint) return 'data-changed';
  return null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
