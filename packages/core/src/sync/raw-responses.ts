import type { Kysely } from 'kysely';
import type { KlensTables } from '../database/tables.js';
import type { KlaviyoResponse } from '../klaviyo/client.js';
import { toJsonb } from './jsonb.js';

/** Stores one Klaviyo response as received and returns its id, which loaded rows point back to. */
export async function storeRawResponse(db: Kysely<KlensTables>, accountId: string, response: KlaviyoResponse): Promise<number> {
  const { id } = await db
    .insertInto('raw_api_responses')
    .values({
      account_id: accountId,
      endpoint: response.endpoint,
      params: toJsonb(response.params),
      status: response.status,
      revision: response.revision,
      body: toJsonb(response.body),
      received_at: response.receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}
