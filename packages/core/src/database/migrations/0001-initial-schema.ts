import { type Kysely, sql } from 'kysely';

// Plain SQL that PostgreSQL 15 (CI) and PGlite (PostgreSQL 18) both run. Every table leads its
// primary key with account_id so that the schema can be distributed by account (Citus) unchanged.
const up = [
  sql`create table accounts (
    account_id text primary key,
    name text,
    timezone text not null,
    currency text,
    attributes jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null
  )`,
  sql`create table metrics (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    name text not null,
    integration_name text,
    integration_category text,
    created timestamptz,
    updated timestamptz,
    attributes jsonb not null default '{}',
    synced_at timestamptz not null,
    primary key (account_id, id)
  )`,
  sql`create index metrics_by_name on metrics (account_id, name)`,
  sql`create table raw_api_responses (
    account_id text not null references accounts (account_id) on delete cascade,
    id bigint generated always as identity,
    endpoint text not null,
    params jsonb not null,
    status integer not null,
    revision text not null,
    body jsonb not null,
    received_at timestamptz not null,
    primary key (account_id, id)
  )`,
  sql`create table events (
    account_id text not null,
    id text not null,
    metric_id text not null,
    profile_id text,
    datetime timestamptz not null,
    value numeric,
    uuid text,
    properties jsonb not null default '{}',
    raw_response_id bigint not null,
    primary key (account_id, id),
    foreign key (account_id, metric_id) references metrics (account_id, id) on delete cascade
  )`,
  // Time-series queries read (account, metric, time range) and sum value: covered by this index.
  sql`create index events_by_metric_time on events (account_id, metric_id, datetime) include (value)`,
  sql`create table sync_state (
    account_id text not null references accounts (account_id) on delete cascade,
    stream text not null,
    watermark timestamptz,
    last_synced_at timestamptz,
    details jsonb not null default '{}',
    primary key (account_id, stream)
  )`,
  sql`create table quarantined_records (
    account_id text not null references accounts (account_id) on delete cascade,
    id bigint generated always as identity,
    stream text not null,
    record_id text,
    reason text not null,
    record jsonb not null,
    raw_response_id bigint not null,
    quarantined_at timestamptz not null,
    primary key (account_id, id)
  )`,
];

const down = ['quarantined_records', 'sync_state', 'events', 'raw_api_responses', 'metrics', 'accounts'];

export const initialSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of down) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
};
