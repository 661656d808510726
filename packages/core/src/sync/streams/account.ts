import { sql } from 'kysely';
import type { KlensDatabase } from '../../database/database.js';
import { KlaviyoError } from '../../klaviyo/errors.js';
import type { KlaviyoClient } from '../../klaviyo/client.js';
import { accountResource, describeIssues } from '../../klaviyo/resources.js';
import { toJsonb } from '../jsonb.js';
import { storeRawResponse } from '../raw-responses.js';

export interface SyncedAccount {
  accountId: string;
  timezone: string;
  currency: string | null;
}

/**
 * Reads the account behind the API key and upserts it. Without a valid account (its id scopes
 * every row, its timezone every report) nothing else can load, so a bad one fails the sync.
 */
export async function syncAccountRecord(database: KlensDatabase, klaviyo: KlaviyoClient, signal?: AbortSignal): Promise<SyncedAccount> {
  const response = await klaviyo.get('/api/accounts', undefined, signal);
  const first = Array.isArray(response.body.data) ? response.body.data[0] : undefined;
  const parsed = accountResource.safeParse(first);
  if (!parsed.success) {
    throw new KlaviyoError('KLAVIYO_INVALID_RESPONSE', `Klaviyo's /api/accounts answer has no usable account (${describeIssues(parsed.error)}).`, {
      status: response.status,
      endpoint: response.endpoint,
    });
  }
  const account = parsed.data;
  const row = {
    account_id: account.id,
    name: account.attributes.contact_information?.organization_name ?? null,
    timezone: account.attributes.timezone,
    currency: account.attributes.preferred_currency ?? null,
    attributes: toJsonb(account.attributes),
    updated_at: response.receivedAt,
  };
  await database.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('accounts')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('account_id').doUpdateSet({
          name: sql`excluded.name`,
          timezone: sql`excluded.timezone`,
          currency: sql`excluded.currency`,
          attributes: sql`excluded.attributes`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
    await storeRawResponse(trx, account.id, response);
  });
  return { accountId: account.id, timezone: row.timezone, currency: row.currency };
}
