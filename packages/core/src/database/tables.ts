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

/** A `date` column, written as `YYYY-MM-DD`. `pg` reads it as a Date at the process's local midnight, so select it `::text`. */
type LocalDateColumn = ColumnType<Date | string, string, string>;
/** A bigint identity, generated on insert; read as a string by `pg` (int8), so code converts it with `String`. */
type Identity = ColumnType<string | number, never, never>;
/** A bigint reference to an identity. */
type IdReference = ColumnType<string | number, string | number, string | number>;

/** A trained forecast model of one metric: what was fitted, on which days, how long it took and how it backtested. */
export interface ForecastModelsTable {
  account_id: string;
  id: Identity;
  metric_id: string;
  /** The model asked for (`auto`, `ets`, ...); the cache key together with account and metric. */
  requested_model: string;
  /** The model the forecaster fitted (for `auto`, the one it chose). */
  model_name: string;
  parameters: Json;
  season_lengths: ColumnType<number[], number[], number[]>;
  training_from: LocalDateColumn;
  training_to: LocalDateColumn;
  training_points: number;
  /** Hash of the training values: a changed hash means the data changed and the model is retrained. */
  data_fingerprint: string;
  horizon: number;
  level: number;
  /** `{ mean, lower, upper }` for the `horizon` days after `training_to`. */
  forecast: Json;
  trained_at: Timestamp;
  training_ms: number;
  backtest_ms: number | null;
  /** 1 − WAPE of the backtest. */
  backtest_accuracy: number | null;
  backtest_metrics: Json;
}

/** One stored forecast of a metric, made from a model. */
export interface ForecastRunsTable {
  account_id: string;
  id: Identity;
  metric_id: string;
  model_id: IdReference;
  horizon: number;
  level: number;
  created_at: Timestamp;
}

/** One predicted day of a run, and the actual value once it arrived. */
export interface ForecastPredictionsTable {
  account_id: string;
  run_id: IdReference;
  date: LocalDateColumn;
  metric_id: string;
  /** 1 for the first day after the training window. */
  step: number;
  mean: number;
  lower: number;
  upper: number;
  actual: number | null;
  actual_recorded_at: Timestamp | null;
}

/** One drift check of a run: its error measures over the days with actuals, against the backtest. */
export interface ForecastAccuracyChecksTable {
  account_id: string;
  id: Identity;
  run_id: IdReference;
  metric_id: string;
  model_name: string;
  checked_at: Timestamp;
  days_observed: number;
  wape: number | null;
  mape: number | null;
  accuracy: number | null;
  coverage: number | null;
  backtest_accuracy: number | null;
  drift: boolean;
}

/** Columns every Klaviyo resource table has besides its own: the record as received, its raw page, when it was loaded. */
interface KlaviyoRecordColumns {
  account_id: string;
  id: string;
  /** The resource's `attributes`, whole (Klaviyo adds fields between revisions). */
  attributes: Json;
  raw_response_id: ColumnType<string | number, number, number>;
  synced_at: Timestamp;
}

/** Records that can be deleted in Klaviyo: the sync sets `deleted_at` when a full listing no longer has them. */
interface DeletableColumns {
  /** When a sync found the record gone from Klaviyo; null while it exists (and again if it comes back). */
  deleted_at: Timestamp | null;
}

export interface ProfilesTable extends KlaviyoRecordColumns {
  email: string | null;
  phone_number: string | null;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
  last_event_date: Timestamp | null;
}

export interface ListsTable extends KlaviyoRecordColumns, DeletableColumns {
  name: string;
  opt_in_process: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
}

export interface SegmentsTable extends KlaviyoRecordColumns, DeletableColumns {
  name: string;
  is_active: boolean | null;
  is_processing: boolean | null;
  is_starred: boolean | null;
  created: Timestamp | null;
  updated: Timestamp | null;
}

export interface CampaignsTable extends KlaviyoRecordColumns, DeletableColumns {
  name: string;
  /** `email`, `sms` or `mobile_push`: the listing it came from. */
  channel: string;
  status: string | null;
  archived: boolean | null;
  send_time: Timestamp | null;
  scheduled_at: Timestamp | null;
  created_at: Timestamp | null;
  updated_at: Timestamp | null;
}

export interface CampaignMessagesTable extends KlaviyoRecordColumns, DeletableColumns {
  campaign_id: string;
  channel: string | null;
  label: string | null;
  created_at: Timestamp | null;
  updated_at: Timestamp | null;
}

export interface FlowsTable extends KlaviyoRecordColumns, DeletableColumns {
  name: string;
  status: string | null;
  archived: boolean | null;
  trigger_type: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
}

export interface FlowActionsTable extends KlaviyoRecordColumns, DeletableColumns {
  flow_id: string;
  action_type: string | null;
  status: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
}

export interface FlowMessagesTable extends KlaviyoRecordColumns, DeletableColumns {
  flow_id: string;
  flow_action_id: string;
  name: string | null;
  channel: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
}

/** Klaviyo's attribution of a conversion event to a message; `id` is the attribution's id. */
export interface EventAttributionsTable extends KlaviyoRecordColumns {
  event_id: string;
  attributed_event_id: string | null;
  campaign_id: string | null;
  campaign_message_id: string | null;
  flow_id: string | null;
  flow_message_id: string | null;
  flow_message_variation_id: string | null;
}

/** The whole schema, as Kysely sees it. */
export interface KlensTables {
  accounts: AccountsTable;
  metrics: MetricsTable;
  events: EventsTable;
  raw_api_responses: RawApiResponsesTable;
  sync_state: SyncStateTable;
  quarantined_records: QuarantinedRecordsTable;
  profiles: ProfilesTable;
  lists: ListsTable;
  segments: SegmentsTable;
  campaigns: CampaignsTable;
  campaign_messages: CampaignMessagesTable;
  flows: FlowsTable;
  flow_actions: FlowActionsTable;
  flow_messages: FlowMessagesTable;
  event_attributions: EventAttributionsTable;
  forecast_models: ForecastModelsTable;
  forecast_runs: ForecastRunsTable;
  forecast_predictions: ForecastPredictionsTable;
  forecast_accuracy_checks: ForecastAccuracyChecksTable;
}
