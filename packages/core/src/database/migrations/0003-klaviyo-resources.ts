import { type Kysely, sql } from 'kysely';

// The Klaviyo resources besides metrics and events: profiles, lists, segments, campaigns and their
// messages, flows with their actions and messages, and the attributions Klaviyo makes of
// conversions to messages. Plain SQL for PostgreSQL 15 and PGlite (PostgreSQL 18). Every primary key
// leads with account_id. Children carry their parent's id without a foreign key: a parent that was
// quarantined must not stop its children from loading, and the sync joins them by id anyway.
const common = sql.raw(`attributes jsonb not null default '{}',
    raw_response_id bigint not null,
    synced_at timestamptz not null`);

const up = [
  sql`create table profiles (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    email text,
    phone_number text,
    external_id text,
    first_name text,
    last_name text,
    created timestamptz,
    updated timestamptz,
    last_event_date timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create index profiles_by_updated on profiles (account_id, updated)`,
  sql`create table lists (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    name text not null,
    opt_in_process text,
    created timestamptz,
    updated timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create table segments (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    name text not null,
    is_active boolean,
    is_processing boolean,
    is_starred boolean,
    created timestamptz,
    updated timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create table campaigns (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    name text not null,
    channel text not null,
    status text,
    archived boolean,
    send_time timestamptz,
    scheduled_at timestamptz,
    created_at timestamptz,
    updated_at timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create index campaigns_by_send_time on campaigns (account_id, send_time)`,
  sql`create table campaign_messages (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    campaign_id text not null,
    channel text,
    label text,
    created_at timestamptz,
    updated_at timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create index campaign_messages_by_campaign on campaign_messages (account_id, campaign_id)`,
  sql`create table flows (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    name text not null,
    status text,
    archived boolean,
    trigger_type text,
    created timestamptz,
    updated timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create table flow_actions (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    flow_id text not null,
    action_type text,
    status text,
    created timestamptz,
    updated timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create index flow_actions_by_flow on flow_actions (account_id, flow_id)`,
  sql`create table flow_messages (
    account_id text not null references accounts (account_id) on delete cascade,
    id text not null,
    flow_id text not null,
    flow_action_id text not null,
    name text,
    channel text,
    created timestamptz,
    updated timestamptz,
    ${common},
    primary key (account_id, id)
  )`,
  sql`create index flow_messages_by_action on flow_messages (account_id, flow_action_id)`,
  // Klaviyo's own attribution of a conversion event to the message (and the event) that caused it.
  sql`create table event_attributions (
    account_id text not null references accounts (account_id) on delete cascade,
    event_id text not null,
    id text not null,
    attributed_event_id text,
    campaign_id text,
    campaign_message_id text,
    flow_id text,
    flow_message_id text,
    flow_message_variation_id text,
    ${common},
    primary key (account_id, event_id, id)
  )`,
  sql`create index event_attributions_by_campaign on event_attributions (account_id, campaign_id)`,
  sql`create index event_attributions_by_flow on event_attributions (account_id, flow_id)`,
];

const tables = ['event_attributions', 'flow_messages', 'flow_actions', 'flows', 'campaign_messages', 'campaigns', 'segments', 'lists', 'profiles'];

export const klaviyoResourcesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of tables) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
};
