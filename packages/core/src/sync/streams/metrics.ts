import { sql } from 'kysely';
import type { KlensDatabase } from '../../database/database.js';
import type { KlaviyoClient, KlaviyoResponse } from '../../klaviyo/client.js';
import { describeIssues, metricResource } from '../../klaviyo/resources.js';
import type { Clock } from '../../time/clock.js';
import { toJsonb } from '../jsonb.js';
import { quarantine, type Rejected, recordIdOf } from '../quarantine.js';
import { storeRawResponse } from '../raw-responses.js';
import { advanceWatermark } from '../sync-state.js';
import type { StreamReport } from '../types.js';
import { eachPage } from './resource-loader.js';

export interface SyncedMetric {
  id: string;
  name: string;
}

/** Loads every metric of the account (a full refresh: the endpoint has no incremental filter). */
export async function syncMetrics(
  context: { database: KlensDatabase; klaviyo: KlaviyoClient; accountId: string; clock: Clock; signal?: AbortSignal },
): Promise<{ metrics: SyncedMetric[]; report: StreamReport }> {
  const { database, klaviyo, accountId, clock } = context;
  const report: StreamReport = { stream: 'metrics', pages: 0, received: 0, added: 0, quarantined: 0, watermark: null };
  const metrics = new Map<string, SyncedMetric>();
  const open = () => klaviyo.list('/api/metrics', context.signal ? { signal: context.signal } : {});
  await eachPage(open, async (response) => {
    const records = Array.isArray(response.body.data) ? response.body.data : [];
    const rejected: Rejected[] = [];
    const rows = new Map<string, ReturnType<typeof toRow>>();
    for (const record of records) {
      const parsed = metricResource.safeParse(record);
      if (!parsed.success) {
        rejected.push({ recordId: recordIdOf(record), reason: `invalid metric: ${describeIssues(parsed.error)}`, record });
        continue;
      }
      rows.set(parsed.data.id, toRow(accountId, parsed.data, response.receivedAt));
    }
    await database.kysely.transaction().execute(async (trx) => {
      const rawResponseId = await storeRawResponse(trx, accountId, response as KlaviyoResponse);
      if (rows.size > 0) {
        const added = await trx
          .insertInto('metrics')
          .values([...rows.values()])
          .onConflict((conflict) =>
            conflict.columns(['account_id', 'id']).doUpdateSet({
              name: sql`excluded.name`,
              integration_name: sql`excluded.integration_name`,
              integration_category: sql`excluded.integration_category`,
              created: sql`excluded.created`,
              updated: sql`excluded.updated`,
              attributes: sql`excluded.attributes`,
              synced_at: sql`excluded.synced_at`,
            }),
          )
          // xmax = 0 only for rows this statement inserted (not updated).
          .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
          .execute();
        report.added += added.filter((row) => row.inserted).length;
      }
      await quarantine(trx, { accountId, stream: 'metrics', rawResponseId, at: clock() }, rejected);
    });
    report.pages += 1;
    report.received += records.length;
    report.quarantined += rejected.length;
    for (const row of rows.values()) metrics.set(row.id, { id: row.id, name: row.name });
  });
  await advanceWatermark(database.kysely, accountId, 'metrics', null, clock());
  return { metrics: [...metrics.values()], report };
}

function toRow(accountId: string, metric: ReturnType<typeof metricResource.parse>, syncedAt: Date) {
  return {
    account_id: accountId,
    id: metric.id,
    name: metric.attributes.name,
    integration_name: metric.attributes.integration?.name ?? null,
    integration_category: metric.attributes.integration?.category ?? null,
    created: metric.attributes.created ?? null,
    updated: metric.attributes.updated ?? null,
    attributes: toJsonb(metric.attributes),
    synced_at: syncedAt,
  };
}
