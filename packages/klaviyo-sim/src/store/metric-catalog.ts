import { hashKey } from '../random/hash.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import { shortId } from './ids.js';
import type { SimIntegration, SimMetric } from './types.js';

const MS_PER_DAY = 86_400_000;

/** Integrations the simulated account has connected; ids are Klaviyo-wide, not per account. */
const INTEGRATIONS = {
  shopify: { object: 'integration', id: shortId('integration', 'Shopify'), name: 'Shopify', category: 'eCommerce' },
  klaviyo: { object: 'integration', id: shortId('integration', 'Klaviyo'), name: 'Klaviyo', category: 'Email' },
  klaviyoSms: { object: 'integration', id: shortId('integration', 'Klaviyo'), name: 'Klaviyo', category: 'SMS' },
} as const satisfies Record<string, SimIntegration>;

/** Metric names by integration, in the order `GET /api/metrics` lists them. */
export const METRIC_CATALOG = [
  { name: 'Placed Order', integration: INTEGRATIONS.shopify },
  { name: 'Ordered Product', integration: INTEGRATIONS.shopify },
  { name: 'Started Checkout', integration: INTEGRATIONS.shopify },
  { name: 'Added to Cart', integration: INTEGRATIONS.shopify },
  { name: 'Viewed Product', integration: INTEGRATIONS.shopify },
  { name: 'Active on Site', integration: INTEGRATIONS.shopify },
  { name: 'Received Email', integration: INTEGRATIONS.klaviyo },
  { name: 'Opened Email', integration: INTEGRATIONS.klaviyo },
  { name: 'Clicked Email', integration: INTEGRATIONS.klaviyo },
  { name: 'Bounced Email', integration: INTEGRATIONS.klaviyo },
  { name: 'Unsubscribed from Email Marketing', integration: INTEGRATIONS.klaviyo },
  { name: 'Received SMS', integration: INTEGRATIONS.klaviyoSms },
  { name: 'Clicked SMS', integration: INTEGRATIONS.klaviyoSms },
] as const;

/**
 * Positions of the metrics in {@link METRIC_CATALOG}: the compact event logs store these numbers
 * and event ids carry them, so the catalogue only ever grows at the end.
 */
export const METRIC = {
  placedOrder: 0,
  orderedProduct: 1,
  startedCheckout: 2,
  addedToCart: 3,
  viewedProduct: 4,
  activeOnSite: 5,
  receivedEmail: 6,
  openedEmail: 7,
  clickedEmail: 8,
  bouncedEmail: 9,
  unsubscribedEmail: 10,
  receivedSms: 11,
  clickedSms: 12,
} as const;

/**
 * The metrics whose events carry a `$value` and Klaviyo's attribution to the message that drove
 * them; reports accept only these as `conversion_metric_id` (Klaviyo answers 400 "does not
 * support querying for values data" for the others).
 */
export const CONVERSION_METRICS: readonly number[] = [METRIC.placedOrder, METRIC.orderedProduct];

/** Whether reports can count a metric, by name, as conversions (see {@link CONVERSION_METRICS}). */
export function isConversionMetric(name: string): boolean {
  return CONVERSION_METRICS.some((index) => METRIC_CATALOG[index]?.name === name);
}

/** A metric name from {@link METRIC_CATALOG}. */
export type MetricName = (typeof METRIC_CATALOG)[number]['name'];

/**
 * Builds the account's metrics: ids from the seed (distinct from each other), creation dates
 * a year or more before the event window starts, as for a store that connected Shopify earlier.
 */
export function createMetrics(seed: number, windowStart: Date): SimMetric[] {
  const taken = new Set<string>();
  return METRIC_CATALOG.map((entry, index) => {
    let id = shortId(seed, 'metric', entry.name);
    for (let attempt = 1; taken.has(id); attempt += 1) id = shortId(seed, 'metric', entry.name, attempt);
    taken.add(id);
    const jitter = (hashKey(seed, 'metric-created', entry.name) % 86_400) * 1000;
    const created = windowStart.getTime() - (400 - index * 3) * MS_PER_DAY - jitter;
    const updated = created + (hashKey(seed, 'metric-updated', entry.name) % 30) * MS_PER_DAY;
    return {
      id,
      name: entry.name,
      created: formatKlaviyoDateTime(created),
      updated: formatKlaviyoDateTime(updated),
      integration: { ...entry.integration },
    };
  });
}
