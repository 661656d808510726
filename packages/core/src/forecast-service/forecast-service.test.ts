import { dailyTotals, type RunningSimulator, startSimulator } from '@klens/klaviyo-sim';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { syncAccount } from '../sync/sync-account.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { defaultForecaster } from './default-forecaster.js';
import { ForecastService } from './forecast-service.js';
import type { ForecastServiceOptions } from './service-options.js';
import { copyAccount, countingForecaster } from './test-support/forecast-fixtures.js';

const SEED = 21;
const DAY_MS = 86_400_000;
// Local midnight in New York (the simulator's timezone): the last complete day is 2026-08-31.
const NOW = new Date('2026-09-01T04:00:00Z');
const MONTH_LATER = new Date(NOW.getTime() + 30 * DAY_MS);
const STORE = { seed: SEED, ordersPerDay: 40, months: 5, port: 0 } as const;
// Syncing about 6,000 events into PGlite takes seconds alone, and much longer on a busy machine.
const SETUP_TIMEOUT_MS = 180_000;

describe.each(testDatabaseEngines())('ForecastService on %s', (engine) => {
  let sim: RunningSimulator;
  let database: KlensDatabase;
  let accountId: string;
  let metricId: string;
  // A service whose clock stands still at `now`; everything else is the default unless given.
  const service = ({ now, ...options }: Partial<ForecastServiceOptions> & { now: Date }) => new ForecastService({ database, ...options, clock: () => now });
  const sync = (simulator: RunningSimulator) =>
    syncAccount({
      database,
      klaviyo: createKlaviyoClient({ apiKey: simulator.apiKey, baseUrl: simulator.url, sleep: async () => {} }),
      clock: () => simulator.store.now,
      backfillFrom: sim.store.start,
    });

  beforeAll(async () => {
    sim = await startSimulator({ ...STORE, now: NOW });
    metricId = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
    database = await openTestDatabase(engine);
    const started = performance.now();
    accountId = (await sync(sim)).accountId;
    console.info(`[${engine}] synced in ${Math.round(performance.now() - started)} ms`);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await database?.close();
    await sim?.close();
  });

  it('forecasts 30 days of synced revenue that come within 1 − WAPE > 0.8 of what then happened', async () => {
    const counting = countingForecaster(defaultForecaster);
    const before = service({ now: NOW, forecaster: counting });
    const stored = await before.forecastMetric({ accountId, metricId, horizon: 30 });
    expect(stored.trainingWindow).toEqual({ from: '2026-04-01', to: '2026-08-31' });
    expect(stored.predictions.map((day) => day.date)).toEqual(Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`));
    expect(stored.model.name).toBe(counting.lastModelName);
    for (const day of stored.predictions) expect(day.lower <= day.mean && day.mean <= day.upper, day.date).toBe(true);

    // A month passes: the same deterministic store, its "now" moved forward, syncs only the new days.
    const later = await startSimulator({ ...STORE, now: MONTH_LATER });
    try {
      await sync(later);
    } finally {
      await later.close();
    }
    const after = service({ now: MONTH_LATER });
    expect(await after.recordActuals({ accountId, metricId })).toEqual({ updated: 30 });

    const truth = dailyTotals(later.store, { metricId });
    const observed = (await after.readForecast({ accountId, runId: stored.runId }))!;
    for (const day of observed.predictions) expect(day.actual, day.date).toBeCloseTo(truth.get(day.date)!.value, 6);
    const absoluteErrors = observed.predictions.reduce((sum, day) => sum + Math.abs(truth.get(day.date)!.value - day.mean), 0);
    const actualSum = observed.predictions.reduce((sum, day) => sum + truth.get(day.date)!.value, 0);

    const report = (await after.checkDrift({ accountId, metricId }))!;
    expect(report).toMatchObject({ runId: stored.runId, daysObserved: 30, drift: false });
    expect(report.accuracy).toBeCloseTo(1 - absoluteErrors / actualSum, 9);
    expect(report.accuracy).toBeGreaterThan(0.8);
    const model = await before.getOrTrainModel({ accountId, metricId, horizon: 30 });
    expect(counting.calls).toBe(1);
    console.info(
      `[${engine}] ${model.name}: training ${model.trainingMs.toFixed(0)} ms, backtest ${model.backtest.ms?.toFixed(0)} ms ` +
        `(accuracy ${model.backtest.accuracy?.toFixed(3)}); after a month: accuracy ${report.accuracy!.toFixed(3)}, coverage ${report.coverage?.toFixed(2)}`,
    );
  }, SETUP_TIMEOUT_MS);

  it('stores a forecast that reads back the same: model, parameters, window, horizon, created_at', async () => {
    const created = new Date(NOW.getTime() + 3_600_000);
    const forecasts = service({ now: created });
    // The first is the auto model trained above (nested parameters through jsonb); the second a new one at another level.
    for (const request of [{ horizon: 30 }, { model: 'seasonal-naive', horizon: 14, level: 80 }] as const) {
      const model = await forecasts.getOrTrainModel({ accountId, metricId, ...request });
      const stored = await forecasts.storePredictions({ model, horizon: 10 });
      const read = await forecasts.readForecast({ accountId, runId: stored.runId });
      expect(read).toEqual(stored);
      expect(read).toMatchObject({
        horizon: 10,
        level: 'level' in request ? request.level : 95,
        createdAt: created,
        trainingWindow: { from: '2026-04-01', to: '2026-08-31' },
        model: { id: model.id, name: model.name, requested: 'model' in request ? request.model : 'auto', parameters: model.parameters },
      });
      expect(read!.predictions.map((day) => day.mean)).toEqual(model.forecast.mean.slice(0, 10));
      await expect(forecasts.storePredictions({ model, horizon: model.horizon + 1 })).rejects.toMatchObject({ code: 'INVALID_PARAMETER' });
    }
  });

  it('reuses a trained model from memory and from the table, and retrains when it is stale', async () => {
    const counting = countingForecaster(defaultForecaster);
    let ticks = 0;
    const timer = () => (ticks += 5); // every measured span is 5 ms
    const request = { accountId, metricId, model: 'ets', horizon: 30 } as const;
    const first = await service({ now: NOW, forecaster: counting, timer }).getOrTrainModel(request);
    expect(counting.calls).toBe(1);
    expect(first.trainingMs).toBe(5);
    expect(first.backtest.ms).toBe(5);

    const warm = service({ now: NOW, forecaster: counting });
    expect((await warm.getOrTrainModel(request)).id).toBe(first.id); // from the table
    expect((await warm.getOrTrainModel({ ...request, horizon: 7 })).id).toBe(first.id); // from memory
    expect(counting.calls).toBe(1);

    const weekLater = service({ now: new Date(NOW.getTime() + 8 * DAY_MS), forecaster: counting, retrain: { maxStaleDays: 30 } });
    const aged = await weekLater.getOrTrainModel(request);
    expect(counting.calls).toBe(2);
    expect(aged.id).not.toBe(first.id);

    const nextDay = service({ now: new Date(NOW.getTime() + DAY_MS), forecaster: counting, retrain: { maxAgeMs: 30 * DAY_MS } });
    const moved = await nextDay.getOrTrainModel({ ...request, model: 'seasonal-naive' });
    expect(moved.trainingWindow.to).toBe('2026-09-01');
    expect(counting.calls).toBe(3);

    let clock = NOW;
    const processA = new ForecastService({ database, forecaster: counting, clock: () => clock });
    const theta = { ...request, model: 'theta' } as const;
    const [one, two] = await Promise.all([processA.getOrTrainModel(theta), processA.getOrTrainModel(theta)]);
    expect(counting.calls).toBe(4); // two simultaneous requests, one training
    expect(two.id).toBe(one.id);
    // Another process sharing the database trains on the next day; A, which remembers `one`, takes that model.
    const newer = await service({ now: new Date(NOW.getTime() + DAY_MS), forecaster: counting }).getOrTrainModel(theta);
    expect(counting.calls).toBe(5);
    clock = new Date(NOW.getTime() + DAY_MS);
    expect((await processA.getOrTrainModel(theta)).id).toBe(newer.id);
    expect(counting.calls).toBe(5);
  });

  it('retrains when late events change the training window', async () => {
    const counting = countingForecaster(defaultForecaster);
    const forecasts = service({ now: NOW, forecaster: counting });
    const request = { accountId, metricId, model: 'naive2', horizon: 7 } as const;
    const first = await forecasts.getOrTrainModel(request);
    await forecasts.getOrTrainModel(request);
    expect(counting.calls).toBe(1);
    await sql`insert into events (account_id, id, metric_id, datetime, value, raw_response_id)
      values (${accountId}, 'LATE-1', ${metricId}, '2026-08-20T15:00:00Z', 999, 0)`.execute(database.kysely);
    try {
      const retrained = await forecasts.getOrTrainModel(request);
      expect(counting.calls).toBe(2);
      expect(retrained.fingerprint).not.toBe(first.fingerprint);
    } finally {
      await sql`delete from events where account_id = ${accountId} and id = 'LATE-1'`.execute(database.kysely);
    }
  });

  it('keeps accounts apart: another account can neither read nor overwrite the first one’s forecasts', async () => {
    await copyAccount(database, { from: accountId, to: 'OTHER', factor: 3, before: NOW });
    const mine = service({ now: NOW });
    const theirs = service({ now: NOW });
    const myModel = await mine.getOrTrainModel({ accountId, metricId, model: 'seasonal-naive', horizon: 30 });
    const myRun = await mine.storePredictions({ model: myModel });

    const theirModel = await theirs.getOrTrainModel({ accountId: 'OTHER', metricId, model: 'seasonal-naive', horizon: 30 });
    expect(theirModel.id).not.toBe(myModel.id);
    expect(theirModel.forecast.mean[0]).toBeCloseTo(3 * myModel.forecast.mean[0]!, 6);
    expect(await theirs.readForecast({ accountId: 'OTHER', runId: myRun.runId })).toBeNull();
    expect(await theirs.checkDrift({ accountId: 'OTHER', metricId, runId: myRun.runId })).toBeNull();
    await expect(theirs.storePredictions({ model: { ...myModel, accountId: 'OTHER' } })).rejects.toMatchObject({ code: 'INVALID_PARAMETER' });
    await theirs.forecastMetric({ accountId: 'OTHER', metricId, model: 'seasonal-naive', horizon: 30 });
    await theirs.recordActuals({ accountId: 'OTHER', metricId, actuals: myRun.predictions.map((day) => ({ date: day.date, value: 1 })) });

    expect(await mine.readForecast({ accountId, runId: myRun.runId })).toEqual(myRun);
    expect((await mine.getOrTrainModel({ accountId, metricId, model: 'seasonal-naive', horizon: 30 })).id).toBe(myModel.id);
    expect((await mine.modelHealth('OTHER')).map((health) => health.latestModel.id)).toEqual([theirModel.id]);
  });

  it('flags drift when actuals diverge from the forecast, and not when they match', async () => {
    await copyAccount(database, { from: accountId, to: 'DRIFT', factor: 1, before: NOW });
    const forecasts = service({ now: NOW });
    const stored = await forecasts.forecastMetric({ accountId: 'DRIFT', metricId, model: 'seasonal-naive', horizon: 14 });

    await forecasts.recordActuals({ accountId: 'DRIFT', metricId, actuals: stored.predictions.map((day) => ({ date: day.date, value: day.mean * 1.02 })) });
    const matching = (await forecasts.checkDrift({ accountId: 'DRIFT', metricId }))!;
    expect(matching).toMatchObject({ runId: stored.runId, daysObserved: 14, drift: false });
    expect(matching.wape).toBeCloseTo(0.02 / 1.02, 9);

    await forecasts.recordActuals({ accountId: 'DRIFT', metricId, actuals: stored.predictions.map((day) => ({ date: day.date, value: day.mean * 3 })) });
    const diverging = (await forecasts.checkDrift({ accountId: 'DRIFT', metricId }))!;
    expect(diverging).toMatchObject({ daysObserved: 14, drift: true });
    expect(diverging.accuracy).toBeCloseTo(1 - 2 / 3, 9);

    const [health] = await forecasts.modelHealth('DRIFT');
    expect(health!.latestCheck).toMatchObject({ runId: stored.runId, drift: true, daysObserved: 14 });
    expect(health!.latestModel).toMatchObject({ id: stored.model.id, name: stored.model.name });
    expect(health!.trainings.count).toBe(1);
  });

  it('reports training time and accuracy per metric', async () => {
    const health = await service({ now: MONTH_LATER }).modelHealth(accountId);
    expect(health).toHaveLength(1);
    const { rows } = await sql<{ n: number; max: number }>`
      select count(*)::int as n, max(training_ms) as max from forecast_models where account_id = ${accountId}`.execute(database.kysely);
    expect(health[0]!.trainings).toMatchObject({ count: rows[0]!.n, maxMs: rows[0]!.max });
    expect(health[0]!.trainings.meanMs).toBeGreaterThan(0);
    expect(health[0]!.latestCheck).toMatchObject({ daysObserved: 30, drift: false });
  });

  it('says what is missing: an account never synced, an unknown metric, enough history', async () => {
    const forecasts = service({ now: NOW });
    const tooEarly = service({ now: new Date(sim.store.start.getTime() + 20 * DAY_MS) });
    await expect(tooEarly.forecastMetric({ accountId, metricId })).rejects.toMatchObject({
      code: 'INVALID_SERIES',
      message: expect.stringContaining('has 20 complete days of history'),
    });
    await expect(forecasts.forecastMetric({ accountId: 'NOBODY', metricId })).rejects.toMatchObject({ code: 'ACCOUNT_NOT_SYNCED' });
    await expect(forecasts.forecastMetric({ accountId, metricId: 'NOPE' })).rejects.toMatchObject({
      code: 'METRIC_NOT_FOUND',
      message: expect.stringContaining(`Placed Order (${metricId})`),
    });
  });
});

