import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: written as a Date or ISO string, read as a Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column holding any JSON value. */
type Json = ColumnType<unknown, string, string>;

/** One Klaviyo account (a brand). Every other table is keyed by `account_id` first. */
export interface AccountsTable {
  account_id: string;
  name: string | null;
  /** IANA timezone from Klaviyo; reports and daily buckets use it. */
  timezone: string;
  currency: string | null;
  attributes: Json;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MetricsTable {
  account_id: string;
  id: string;
  name: string;
  integration_name: string | null;
  integration_category: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
  attributes: Json;
  synced_at: Timestamp;
}

export interface EventsTable {
  account_id: string;
  id: string;
  metric_id: string;
  profile_id: string | null;
  datetime: Timestamp;
  /** `$value` from the event's properties (revenue for Placed Order); numeric, read as a string. */
  value: ColumnType<string | null, number | null, number | null>;
  uuid: string | null;
  properties: Json;
  raw_response_id: ColumnType<string | number, number, never>;
}

/** Every page Klaviyo returned, exactly as received, so any table can be rebuilt from it. */
export interface RawApiResponsesTable {
  account_id: string;
  id: Generated<string | number>;
  endpoint: string;
  params: Json;
  status: number;
  revision: string;
  body: Json;
  received_at: Timestamp;
}

/** Where each stream of a sync stands, so the next sync resumes instead of starting over. */
export interface SyncStateTable {
  account_id: string;
  stream: string;
  /** Everything before this instant has been loaded (events streams). */
  watermark: Timestamp | null;
  last_synced_at: Timestamp | null;
  details: Json;
}

/** Records that failed validation: kept with the reason instead of stopping the sync. */
export interface QuarantinedRecordsTable {
  account_id: string;
  id: Generated<string | number>;
  stream: string;
  record_id: string | null;
  reason: string;
  record: Json;
  raw_response_id: ColumnType<string | number, number, never>;
  quarantined_at: Timestamp;
}

/** The whole schema, as Kysely sees it. */
export interface KlensTables {
  accounts: AccountsTable;
  metrics: MetricsTable;
  events: EventsTable;
  raw_api_responses: RawApiResponsesTable;
  sync_state: SyncStateTable;
  quarantined_records: QuarantinedRecordsTable;
}
