import type { EventAttributionsTable } from '../../database/tables.js';
import { attributionResource, toManyRelationship } from '../../klaviyo/resources.js';
import { toJsonb } from '../jsonb.js';

/** An event_attributions row, minus account, raw page and load time; `attributes` as JSON text for jsonb. */
export type AttributionRow = {
  [K in Exclude<keyof EventAttributionsTable, 'account_id' | 'raw_response_id' | 'synced_at' | 'attributes'>]: EventAttributionsTable[K];
} & { attributes: string };

/**
 * The attributions of a page's events: each event names its attributions in
 * `relationships.attributions`, and `included` (with `include=attributions`) says what each credits.
 * An attribution missing from `included` or malformed is skipped: the event itself still loads.
 */
export function attributionRows(records: readonly unknown[], included: readonly unknown[] | undefined, eventIds: ReadonlySet<string>): AttributionRow[] {
  const byId = new Map<string, ReturnType<typeof attributionResource.parse>>();
  for (const candidate of included ?? []) {
    const parsed = attributionResource.safeParse(candidate);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
  }
  if (byId.size === 0) return [];
  const rows: AttributionRow[] = [];
  for (const record of records) {
    const event = record as { id?: unknown; relationships?: { attributions?: unknown } } | null;
    if (typeof event?.id !== 'string' || !eventIds.has(event.id)) continue;
    const ids = toManyRelationship.safeParse(event.relationships?.attributions);
    for (const { id } of (ids.success ? ids.data?.data : undefined) ?? []) {
      const attribution = byId.get(id);
      if (!attribution) continue;
      const related = (name: 'attributed-event' | 'campaign' | 'campaign-message' | 'flow' | 'flow-message' | 'flow-message-variation') =>
        attribution.relationships?.[name]?.data?.id ?? null;
      rows.push({
        event_id: event.id,
        id,
        attributed_event_id: related('attributed-event'),
        campaign_id: related('campaign'),
        campaign_message_id: related('campaign-message'),
        flow_id: related('flow'),
        flow_message_id: related('flow-message'),
        flow_message_variation_id: related('flow-message-variation'),
        attributes: toJsonb(attribution.relationships ?? {}),
      });
    }
  }
  return rows;
}
