import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import type { Resource } from '../resources.js';
import { CAMPAIGN_ATTRIBUTES, CAMPAIGN_MESSAGE_ATTRIBUTES, campaignMessageResource, campaignResource } from './campaign-resources.js';
import { notFoundResource, pathId } from './collection-route.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';

const MESSAGE_PARAMS = ['fields[campaign-message]', 'fields[campaign]', 'fields[image]', 'fields[template]', 'include'];

function senderOf(context: RouteContext) {
  const { contact_information: contact } = context.store.account;
  return { email: contact.default_sender_email, name: contact.default_sender_name };
}

function campaignOrThrow(context: RouteContext, id: string) {
  const campaign = context.store.campaign(id);
  if (!campaign) throw notFoundResource('campaign', id);
  return campaign;
}

/** `GET /api/campaigns/{id}` (get_campaign), with `include=campaign-messages`. */
export function getCampaign(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[campaign-message]', 'fields[campaign]', 'fields[tag]', 'include']);
  const campaign = campaignOrThrow(context, pathId(request));
  const include = includeList(params, ['campaign-messages', 'tags']);
  fieldList(params, 'fields[tag]', ['name']);
  const messageFields = fieldList(params, 'fields[campaign-message]', CAMPAIGN_MESSAGE_ATTRIBUTES);
  const body: Record<string, unknown> = { data: campaignResource(base, campaign, fieldList(params, 'fields[campaign]', CAMPAIGN_ATTRIBUTES)), links: { self: selfLink(base, url) } };
  if (include.length > 0) {
    const message = context.store.campaignMessage(campaign.messageId);
    body.included = include.includes('campaign-messages') && message ? [campaignMessageResource(base, message, senderOf(context), messageFields)] : [];
  }
  return jsonApiResponse(body, 200);
}

function messageBody(context: RouteContext, base: string, params: QueryParameters, messageId: string): { data: Resource; included?: Resource[] } | undefined {
  const message = context.store.campaignMessage(messageId);
  if (!message) return undefined;
  const include = includeList(params, ['campaign', 'image', 'template']);
  fieldList(params, 'fields[image]', ['format', 'hidden', 'image_url', 'name', 'size', 'updated_at']);
  fieldList(params, 'fields[template]', ['amp', 'created', 'editor_type', 'html', 'name', 'text', 'updated']);
  const campaignFields = fieldList(params, 'fields[campaign]', CAMPAIGN_ATTRIBUTES);
  const data = campaignMessageResource(base, message, senderOf(context), fieldList(params, 'fields[campaign-message]', CAMPAIGN_MESSAGE_ATTRIBUTES));
  if (include.length === 0) return { data };
  const campaign = context.store.campaign(message.campaignId);
  return { data, included: include.includes('campaign') && campaign ? [campaignResource(base, campaign, campaignFields)] : [] };
}

/** `GET /api/campaigns/{id}/campaign-messages` (get_messages_for_campaign): the campaign's messages, one page. */
export function getCampaignMessages(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, MESSAGE_PARAMS);
  const campaign = campaignOrThrow(context, pathId(request));
  const one = messageBody(context, base, params, campaign.messageId);
  const body: Record<string, unknown> = { data: one ? [one.data] : [], links: { self: selfLink(base, url) } };
  if (one?.included) body.included = one.included;
  return jsonApiResponse(body, 200);
}

/** `GET /api/campaigns/{id}/relationships/campaign-messages` (get_message_ids_for_campaign). */
export function getCampaignMessageIds(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  new QueryParameters(url, []);
  const campaign = campaignOrThrow(context, pathId(request));
  return jsonApiResponse({ data: [{ type: 'campaign-message', id: campaign.messageId }], links: { self: selfLink(base, url) } }, 200);
}

/** `GET /api/campaign-messages/{id}` (get_campaign_message). */
export function getCampaignMessage(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, MESSAGE_PARAMS);
  const id = pathId(request);
  const one = messageBody(context, base, params, id);
  if (!one) throw notFoundResource('campaign message', id);
  return jsonApiResponse({ ...one, links: { self: selfLink(base, url) } }, 200);
}
