import { describeIssues, eventResource } from '../../klaviyo/resources.js';
import { toJsonb } from '../jsonb.js';
import { type Rejected, recordIdOf } from '../quarantine.js';

/** An events row ready to insert, minus account and raw-response ids. */
export interface EventRow {
  id: string;
  metric_id: string;
  profile_id: string | null;
  datetime: Date;
  value: number | null;
  uuid: string | null;
  properties: string;
}

export type EventTransform = { ok: true; row: EventRow } | { ok: false; rejected: Rejected };

/**
 * Validates one Klaviyo event record and maps it to a row. Anything that would make a wrong row
 * (no time, a value that is not a number, an event of another metric) is rejected with a reason.
 */
export function transformEvent(record: unknown, expectedMetricId: string): EventTransform {
  const reject = (reason: string): EventTransform => ({ ok: false, rejected: { recordId: recordIdOf(record), reason, record } });
  const parsed = eventResource.safeParse(record);
  if (!parsed.success) return reject(`invalid event: ${describeIssues(parsed.error)}`);
  const event = parsed.data;
  const metricId = event.relationships?.metric?.data?.id;
  if (metricId !== expectedMetricId) {
    return reject(`event of metric ${metricId ?? '(none)'} in the stream of metric ${expectedMetricId}`);
  }
  const datetime = event.attributes.datetime
    ? new Date(event.attributes.datetime)
    : event.attributes.timestamp != null
      ? new Date(event.attributes.timestamp * 1000)
      : null;
  if (!datetime || Number.isNaN(datetime.getTime())) return reject('event has neither datetime nor timestamp');
  const properties = event.attributes.event_properties ?? {};
  const value = eventValue(properties.$value);
  if (value === 'invalid') return reject(`$value ${JSON.stringify(properties.$value)} is not a finite number`);
  return {
    ok: true,
    row: {
      id: event.id,
      metric_id: metricId,
      profile_id: event.relationships?.profile?.data?.id ?? null,
      datetime,
      value,
      uuid: event.attributes.uuid ?? null,
      properties: toJsonb(properties),
    },
  };
}

// Integrations send $value as a number, sometimes as a numeric string; absent means no value.
function eventValue(raw: unknown): number | null | 'invalid' {
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : 'invalid';
}
