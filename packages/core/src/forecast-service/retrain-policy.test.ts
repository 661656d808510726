import { describe, expect, it } from 'vitest';
import { type FreshnessCheck, type ModelFreshness, retrainReason } from './retrain-policy.js';

const model: ModelFreshness = {
  trainedAt: new Date('2026-09-01T04:00:00Z'),
  trainingWindow: { from: '2026-03-01', to: '2026-08-31' },
  fingerprint: 'abc',
  horizon: 30,
  level: 95,
  seasonLengths: [7],
};
const check: FreshnessCheck = {
  now: new Date('2026-09-01T10:00:00Z'),
  lastCompleteDay: '2026-08-31',
  currentFingerprint: 'abc',
  horizon: 30,
  level: 95,
  seasonLengths: [7],
};

describe('retrainReason', () => {
  it('reuses a model when nothing changed, and for a shorter horizon', () => {
    expect(retrainReason(model, check)).toBeNull();
    expect(retrainReason(model, { ...check, horizon: 7 })).toBeNull();
  });

  it('trains when there is no model', () => {
    expect(retrainReason(undefined, check)).toBe('no-model');
  });

  it('retrains for a longer horizon, another level or other seasons', () => {
    expect(retrainReason(model, { ...check, horizon: 31 })).toBe('settings-changed');
    expect(retrainReason(model, { ...check, level: 80 })).toBe('settings-changed');
    expect(retrainReason(model, { ...check, seasonLengths: [7, 365] })).toBe('settings-changed');
  });

  it('retrains a model older than maxAgeMs, and not one just younger', () => {
    const week = 7 * 86_400_000;
    expect(retrainReason(model, { ...check, now: new Date(model.trainedAt.getTime() + week + 1) })).toBe('too-old');
    expect(retrainReason(model, { ...check, now: new Date(model.trainedAt.getTime() + week) })).toBeNull();
    expect(retrainReason(model, { ...check, now: new Date(model.trainedAt.getTime() + 2 * 3_600_000) }, { maxAgeMs: 3_600_000 })).toBe('too-old');
  });

  it('retrains when a new complete day arrived, unless the policy allows lagging days', () => {
    expect(retrainReason(model, { ...check, lastCompleteDay: '2026-09-01' })).toBe('window-stale');
    expect(retrainReason(model, { ...check, lastCompleteDay: '2026-09-03' }, { maxStaleDays: 3 })).toBeNull();
    expect(retrainReason(model, { ...check, lastCompleteDay: '2026-09-04' }, { maxStaleDays: 3 })).toBe('window-stale');
    expect(retrainReason(model, { ...check, lastCompleteDay: '2026-08-30' }, { maxStaleDays: 3 })).toBe('window-stale');
  });

  it('retrains when the values of the training window changed', () => {
    expect(retrainReason(model, { ...check, currentFingerprint: 'abd' })).toBe('data-changed');
  });
});
