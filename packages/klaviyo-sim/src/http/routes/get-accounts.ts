import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import { rateLimitHeaders } from '../rate-limit-headers.js';
import { accountResource } from '../resources.js';
import { routeRequest, type RouteContext } from './route-context.js';

/** Sparse fieldset names of `fields[account]`, from the spec. */
export const ACCOUNT_FIELDS = [
  'contact_information', 'contact_information.default_sender_email', 'contact_information.default_sender_name',
  'contact_information.organization_name', 'contact_information.street_address',
  'contact_information.street_address.address1', 'contact_information.street_address.address2',
  'contact_information.street_address.city', 'contact_information.street_address.country',
  'contact_information.street_address.region', 'contact_information.street_address.zip',
  'contact_information.website_url', 'id', 'industry', 'locale', 'preferred_currency', 'public_api_key',
  'test_account', 'timezone',
] as const;

/** `GET /api/accounts` (get_accounts): the one account the key belongs to. */
export function getAccounts(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[account]']);
  const fields = params.list('fields[account]', ACCOUNT_FIELDS);
  const body = {
    data: [accountResource(base, context.store.account, fields)],
    links: { self: selfLink(base, url) },
  };
  return jsonApiResponse(body, 200, rateLimitHeaders('get_accounts'));
}
