import { type Kysely, sql } from 'kysely';

// Lists, segments, campaigns, flows and their parts that were deleted in Klaviyo. Klaviyo's
// listings never show a deletion (a deleted record is simply absent), so the sync finds them by
// listing every id and sets `deleted_at` on the rows it no longer sees. The rows stay: events and
// attributions that name a deleted flow or campaign still need its name, as Klaviyo's own reports
// keep them.
export const DELETABLE_TABLES = ['lists', 'segments', 'campaigns', 'campaign_messages', 'flows', 'flow_actions', 'flow_messages'] as const;

export const deletedInKlaviyoSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const table of DELETABLE_TABLES) await sql`alter table ${sql.table(table)} add column deleted_at timestamptz`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of DELETABLE_TABLES) await sql`alter table ${sql.table(table)} drop column if exists deleted_at`.execute(db);
  },
};
