import { addCalendarMonths, type CivilDate, dayNumberOf } from '../time/civil-date.js';
import { localDayNumberAt, startOfLocalDay, wallClockAt } from '../time/zoned-time.js';
import { createAccount } from './account.js';
import { createAudiences } from './audiences.js';
import { newsletterSendInstants } from './campaign-catalog.js';
import { createDayAssembler, type AssemblyBudgets } from './day-assembly.js';
import { createLocalClock } from './local-clock.js';
import { listEventDays, listEventRows, listEvents, type Timeline } from './event-timeline.js';
import { createFlowCatalog } from './flow-catalog.js';
import { findEvent, metricDayRows } from './event-lookup.js';
import { createEventReader } from './event-rows.js';
import { shortId } from './ids.js';
import { WeightedLruCache } from './lru-cache.js';
import { createMessageDirectory } from './message-directory.js';
import { CONVERSION_METRICS, createMetrics } from './metric-catalog.js';
import { createProfileDirectory } from './profile-directory.js';
import { createProfilePool } from './profiles.js';
import { createSignupCurve } from './signup-curve.js';
import { buildCatalogs, lazy } from './store-catalogs.js';
import { createStoreEdits } from './store-edits.js';
import { createStoreModel } from './store-model.js';
import { DEFAULT_ORDERS_PER_DAY, DEFAULT_SIZE, resolveStoreOptions } from './store-options.js';
import { attributedOrders, messageActivity, type QuerySource } from './store-queries.js';
import type { KlaviyoStore, StoreOptions } from './types.js';

/**
 * Growth and the customer base are measured from this fixed date, not from the window start: moving
 * `now` forward (the demo runs on the real clock) then adds new days without changing the days
 * already served, as a real account would.
 */
export const DEMAND_ANCHOR: CivilDate = { year: 2025, month: 10, day: 1 };
/** `size` profiles have signed up by this date (the default `now`). */
export const SIZE_HORIZON: CivilDate = { year: 2026, month: 11, day: 1 };
/** The first profiles signed up this many days before the anchor date. */
const SIGNUPS_BEFORE_ANCHOR_DAYS = 730;

/**
 * Events held in memory, as typed arrays: generation layers (37 bytes per event), assembled days
 * (41 with their sequence numbers), and the positions of metric-filtered days (4 bytes per event).
 * Assembling a day needs the 17 trigger layers before it, about 1.4M events at a million profiles;
 * once a day is assembled only the layers' events on later days are kept (see
 * createDayAssembler), about one busy day's worth, so the layer budget covers 4 time slices read
 * at once. The day budget holds the day each of those 4 slices is on (up to 300k events each at a
 * million profiles): a day dropped while a slice is still paging through it is assembled again
 * for every page. The caches also hold at most a few entries beyond what the walks need, so a
 * mid-sized store holds only its working set, not the budget.
 */
const BUDGETS: StoreBudgets = { layers: 1_500_000, days: 1_200_000, selectedRows: 1_000_000 };

/**
 * The budgets for a store of `size` profiles. Past a million profiles the day budget grows with
 * the store: 4 slices' days outgrow 1.2M events there (1.35M at 4.6M profiles), and a day dropped
 * while a slice pages through it is assembled again for every page. `DAYS_HELD` still bounds it.
 */
function budgetsFor(size: number): StoreBudgets {
  return { ...BUDGETS, days: Math.max(BUDGETS.days, Math.round(1.2 * size)) };
}

/** Most events each cache holds (see {@link BUDGETS}). */
export interface StoreBudgets extends AssemblyBudgets {
  selectedRows: number;
}

/**
 * Creates the deterministic synthetic Klaviyo account the simulator serves. Nothing is generated
 * up front: events are made per local day on demand (from the days' campaign sends, signups,
 * lapses and visits) and kept in caches bounded by event counts.
 *
 * ### Examples
 * ```ts
 * const store = createKlaviyoStore({ seed: 7, ordersPerDay: 15 });
 * const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!;
 * for (const event of store.events({ metricId: placedOrder.id, to: new Date('2025-10-02T00:00:00Z') })) {
 *   console.log(event.datetime.toISOString(), event.value, event.message?.campaignId);
 * }
 * ```
 *
 * @throws {InvalidStoreOptionError} when an option is out of range.
 */
export function createKlaviyoStore(options: StoreOptions = {}): KlaviyoStore {
  return createStoreWithin(options);
}

/**
 * {@link createKlaviyoStore} with other memory budgets (by default those for the store's size):
 * for tests of what the budgets decide. Not exported by the package.
 */
export function createStoreWithin(options: StoreOptions, chosenBudgets?: StoreBudgets): KlaviyoStore {
  const resolved = resolveStoreOptions(options);
  const budgets = chosenBudgets ?? budgetsFor(resolved.size);
  const { seed, timezone } = resolved;
  const now = new Date(resolved.now.getTime());
  const startDay = dayNumberOf(addCalendarMonths(wallClockAt(now.getTime(), timezone), -resolved.months));
  const start = startOfLocalDay(startDay, timezone);
  const anchorDay = dayNumberOf(DEMAND_ANCHOR);
  const horizonDay = dayNumberOf(SIZE_HORIZON);

  const account = createAccount(resolved);
  const metrics = createMetrics(seed, startOfLocalDay(anchorDay, timezone));
  const firstSignupDay = anchorDay - SIGNUPS_BEFORE_ANCHOR_DAYS;
  const curve = createSignupCurve(startOfLocalDay(firstSignupDay, timezone).getTime(), startOfLocalDay(horizonDay, timezone).getTime(), resolved.size);
  const nowDay = localDayNumberAt(now.getTime(), timezone);
  const clock = createLocalClock(timezone);
  const newsletterSends = newsletterSendInstants(seed, clock, firstSignupDay, Math.max(nowDay, horizonDay) + 400);
  const pool = createProfilePool({ seed, curve, newsletterSends });
  const audiences = createAudiences(seed, start.getTime());
  const flows = createFlowCatalog(seed, start.getTime(), audiences.campaignAudienceIds.newsletter);
  const defaultOrders = (DEFAULT_ORDERS_PER_DAY * resolved.size) / DEFAULT_SIZE;
  const model = createStoreModel({ seed, timezone, ordersPerDay: resolved.ordersPerDay, anchorDay, intent: Math.sqrt(resolved.ordersPerDay / defaultOrders), pool, clock });
  const assembler = createDayAssembler(model, budgets);
  const materialize = {
    seed,
    idPrefix: shortId(seed, 'event-id').slice(0, 3),
    metrics,
    currency: resolved.currency,
    websiteUrl: account.contact_information.website_url ?? 'https://www.example.com',
    profileId: pool.idOf,
    writeProfileId: pool.writeId,
    messages: createMessageDirectory(model, flows),
    sharedProperties: new Map(),
    propertiesTemplates: new Map(),
  };
  const reader = createEventReader(materialize);
  const selected = new WeightedLruCache<string, Int32Array | undefined>(budgets.selectedRows, (rows) => rows?.length ?? 0);
  const timeline: Timeline = {
    start,
    now,
    dayOf: clock.dayOf,
    metricIndexes: new Map(metrics.map((metric, index) => [metric.id, index])),
    reader,
    rowsOn: (metricIndexes, day) => {
      const dayLog = assembler.dayLog(day);
      const indices = selected.getOrCreate(`${metricIndexes.join(',')}/${day}`, () => metricDayRows(dayLog, metricIndexes, metrics.length));
      return { dayLog, indices };
    },
    profileIndexOf: pool.indexOf,
  };
  const window = { start: start.getTime(), now: now.getTime() };
  const source: QuerySource = { assembler, materialize, timezone, ...window };
  const profiles = createProfileDirectory(pool, audiences, now.getTime());
  const catalogs = lazy(() => buildCatalogs(model, audiences, flows, { startDay, nowDay, now: now.getTime() }));
  const edits = createStoreEdits(catalogs, flows.flows, audiences, now.getTime());
  const metricsById = new Map(metrics.map((metric) => [metric.id, metric]));
  const conversionMetricIds = new Set(CONVERSION_METRICS.map((index) => metrics[index]?.id));

  return {
    options: { ...resolved, now: new Date(now.getTime()) },
    account,
    metrics,
    start: new Date(start.getTime()),
    now: new Date(now.getTime()),
    events: (query) => ({ [Symbol.iterator]: () => listEvents(timeline, query) }),
    eventRows: (query) => ({ [Symbol.iterator]: () => listEventRows(timeline, query) }),
    eventReader: reader,
    generated: assembler.generated,
    eventsByDay: (query) => ({ [Symbol.iterator]: () => listEventDays(timeline, query) }),
    event: (id) => findEvent(materialize, assembler, window, id),
    metric: (id) => metricsById.get(id),
    profile: profiles.byId,
    profiles: profiles.list,
    profileCount: profiles.count,
    profileAt: profiles.at,
    profilesByUpdated: profiles.byUpdated,
    lists: audiences.lists,
    segments: audiences.segments,
    membershipsOf: profiles.membershipsOf,
    memberCount: profiles.memberCount,
    get campaigns() {
      return catalogs().campaigns;
    },
    campaign: (id) => catalogs().campaignsById.get(id),
    campaignMessage: (id) => catalogs().campaignMessagesById.get(id),
    flows: flows.flows,
    flow: (id) => catalogs().flowsById.get(id),
    flowAction: (id) => catalogs().flowActionsById.get(id),
    flowMessage: (id) => catalogs().flowMessagesById.get(id),
    ...edits,
    attributionOf: (event) => (conversionMetricIds.has(event.metricId) ? event.message : undefined),
    attributedOrders: (query) => ({ [Symbol.iterator]: () => attributedOrders(source, query) }),
    messageActivity: (query) => messageActivity(source, query),
  };
}
