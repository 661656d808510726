import type { Kysely } from 'kysely';
import type { KlensTables } from '../database/tables.js';
import { toJsonb } from './jsonb.js';

/** A record that failed validation, and why. */
export interface Rejected {
  recordId: string | null;
  reason: string;
  record: unknown;
}

/** Sets rejected records aside with their reason and the raw page they came from. */
export async function quarantine(
  db: Kysely<KlensTables>,
  where: { accountId: string; stream: string; rawResponseId: number; at: Date },
  rejected: readonly Rejected[],
): Promise<void> {
  if (rejected.length === 0) return;
  await db
    .insertInto('quarantined_records')
    .values(
      rejected.map((item) => ({
        account_id: where.accountId,
        stream: where.stream,
        record_id: item.recordId,
        reason: item.reason,
        record: toJsonb(item.record),
        raw_response_id: where.rawResponseId,
        quarantined_at: where.at,
      })),
    )
    .execute();
}

/** The `id` of a record that may be malformed, for the quarantine row. */
export function recordIdOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
