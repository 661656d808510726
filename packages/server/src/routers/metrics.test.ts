import { testDatabaseEngines } from '@klens/core/testing';
import type { KlaviyoStore } from '@klens/klaviyo-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEmbedToken } from '../auth/embed-token.js';
import { syncedAccounts, TEST_NOW, TEST_SECRET, truthByDay } from '../test-support/synced-accounts.js';
import { createContext } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/trpc.js';
import { appRouter } from './_app.js';

const createCaller = createCallerFactory(appRouter);

describe.each(testDatabaseEngines())('metrics.timeSeries through createCaller on %s', (engine) => {
  let fixture: Awaited<ReturnType<typeof syncedAccounts>>;
  const callerFor = async (authorization: string | undefined) => createCaller(await createContext(fixture.dependencies(), authorization));
  const tokenFor = (store: KlaviyoStore | string, options: { secret?: string; expiresInSeconds?: number } = {}) =>
    signEmbedToken({ accountId: typeof store === 'string' ? store : store.account.id, secret: options.secret ?? TEST_SECRET, now: TEST_NOW, ...(options.expiresInSeconds ? { expiresInSeconds: options.expiresInSeconds } : {}) });
  const bearer = async (store: KlaviyoStore | string) => `Bearer ${await tokenFor(store)}`;

  beforeAll(async () => {
    fixture = await syncedAccounts(engine);
  });
  afterAll(() => fixture?.database.close());

  it("returns the token's account revenue per day, equal to what the simulator generated", async () => {
    const caller = await callerFor(await bearer(fixture.first));
    const series = await caller.metrics.timeSeries({ metric: 'Placed Order', from: '2026-09-01', to: '2026-09-30' });
    const truth = truthByDay(fixture.first, '2026-09-01', '2026-09-30');
    expect(series.points).toHaveLength(30);
    for (const point of series.points) {
      expect(point.count, point.period).toBe(truth.get(point.period)?.count ?? 0);
      expect(point.value, point.period).toBeCloseTo(truth.get(point.period)?.value ?? 0, 6);
    }
    expect(series.timezone).toBe(fixture.first.account.timezone);
  });

  it("never answers with another account's data", async () => {
    const input = { metric: 'Placed Order', from: '2026-09-01', to: '2026-09-30' };
    const first = await (await callerFor(await bearer(fixture.first))).metrics.timeSeries(input);
    const second = await (await callerFor(await bearer(fixture.second))).metrics.timeSeries(input);
    expect(second.metric.ids).not.toEqual(first.metric.ids);
    const secondTruth = [...truthByDay(fixture.second, input.from, input.to).values()].reduce((sum, day) => sum + day.count, 0);
    expect(second.totals.count).toBe(secondTruth);
    expect(first.totals.count).not.toBe(second.totals.count);
    // Even asking by the other account's metric id finds nothing: metrics are looked up within the account.
    await expect((await callerFor(await bearer(fixture.first))).metrics.timeSeries({ ...input, metric: second.metric.ids[0]! })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('tells an account without data to sync first', async () => {
    const caller = await callerFor(await bearer('NEVER1'));
    await expect(caller.metrics.timeSeries({ metric: 'Placed Order' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('run a sync first') });
  });

  it.each([
    ['no token', async () => undefined, /needs an `Authorization: Bearer <token>` header/],
    ['a token signed with another secret', async () => `Bearer ${await tokenFor(fixture.first, { secret: 'another-secret-that-is-long-enough-0123' })}`, /not signed with this server/],
    ['a garbage token', async () => 'Bearer abc', /not a valid HS256 JWT/],
  ])('refuses %s as UNAUTHORIZED', async (_name, authorization, message) => {
    const caller = await callerFor(await authorization());
    await expect(caller.metrics.timeSeries({ metric: 'Placed Order' })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(message) });
  });

  it('refuses an expired token', async () => {
    const token = await signEmbedToken({ accountId: fixture.first.account.id, secret: TEST_SECRET, now: new Date(TEST_NOW.getTime() - 7200_000), expiresInSeconds: 3600 });
    const caller = await callerFor(`Bearer ${token}`);
    await expect(caller.metrics.timeSeries({ metric: 'Placed Order' })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('expired') });
  });

  it.each([
    [{ metric: 'Placed Order', from: 'last week' }, 'from: expected a calendar date like 2026-01-31'],
    [{ metric: 'Placed Order', to: '2026-02-30' }, 'to: expected a calendar date like 2026-01-31'],
    [{ metric: '' }, 'metric: name a metric'],
    [{ metric: 'Placed Order', interval: 'year' }, 'interval: '],
  ])('refuses bad input %j as BAD_REQUEST naming the field', async (input, message) => {
    const caller = await callerFor(await bearer(fixture.first));
    // @ts-expect-error: deliberately bad input
    await expect(caller.metrics.timeSeries(input)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(message) });
  });

  it('refuses a reversed range as BAD_REQUEST', async () => {
    const caller = await callerFor(await bearer(fixture.first));
    await expect(caller.metrics.timeSeries({ metric: 'Placed Order', from: '2026-09-30', to: '2026-09-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '`from` (2026-09-30) is after `to` (2026-09-01).',
    });
  });

  it('says which metrics exist when the name is wrong', async () => {
    const caller = await callerFor(await bearer(fixture.first));
    await expect(caller.metrics.timeSeries({ metric: 'Revenue' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Known metrics: Active on Site') });
  });
});
