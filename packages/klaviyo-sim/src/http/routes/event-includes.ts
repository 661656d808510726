import { shortId } from '../../store/ids.js';
import type { SimEvent } from '../../store/types.js';
import { relationshipLinks, resourceLink } from '../links.js';
import { eventResource, metricResource, type Resource } from '../resources.js';
import { simProfileResource } from './profile-resources.js';
import type { RouteContext } from './route-context.js';

/** Sparse fieldsets of an events request. */
export interface EventFields {
  event?: readonly string[];
  metric?: readonly string[];
  profile?: readonly string[];
}

/** The id of an order's attribution: stable, derived from the event's id. */
export function attributionIdOf(eventId: string): string {
  return shortId(eventId, 'attribution') + shortId(eventId, 'attribution', 2);
}

/** The id of an order's attribution. */
export function attributionId(event: SimEvent): string {
  return attributionIdOf(event.id);
}

/** The `event` resource, with its attribution listed when a message drove it. */
export function eventWithAttributions(context: RouteContext, base: string, event: SimEvent, fields: readonly string[] | undefined): Resource {
  const resource = eventResource(base, event, fields);
  if (context.store.attributionOf(event)) {
    const relationships = resource.relationships as Record<string, { data: unknown }>;
    if (relationships.attributions) relationships.attributions.data = [{ type: 'attribution', id: attributionId(event) }];
  }
  return resource;
}

function attributionResource(context: RouteContext, base: string, event: SimEvent): Resource | undefined {
  const attribution = context.store.attributionOf(event);
  if (!attribution) return undefined;
  const id = attributionId(event);
  const link = (relationship: string) => relationshipLinks(base, 'attributions', id, relationship);
  const relationships: Record<string, unknown> = { event: { data: { type: 'event', id: event.id }, links: link('event') } };
  if (attribution.campaignId) {
    relationships.campaign = { data: { type: 'campaign', id: attribution.campaignId }, links: link('campaign') };
    relationships['campaign-message'] = { data: { type: 'campaign-message', id: attribution.messageId }, links: link('campaign-message') };
  }
  if (attribution.flowId) {
    relationships.flow = { data: { type: 'flow', id: attribution.flowId }, links: link('flow') };
    relationships['flow-message'] = { data: { type: 'flow-message', id: attribution.messageId }, links: link('flow-message') };
  }
  return { type: 'attribution', id, attributes: {}, relationships, links: { self: resourceLink(base, 'attributions', id) } };
}

/** The `included` array for `include=metric,profile,attributions`, each resource once. */
export function includedForEvents(context: RouteContext, base: string, page: readonly SimEvent[], include: readonly string[], fields: EventFields): Resource[] {
  const included: Resource[] = [];
  if (include.includes('metric')) {
    for (const id of new Set(page.map((event) => event.metricId))) {
      const metric = context.store.metric(id);
      if (metric) included.push(metricResource(base, metric, fields.metric));
    }
  }
  if (include.includes('profile')) {
    for (const id of new Set(page.map((event) => event.profileId))) {
      const profile = context.store.profile(id);
      if (profile) included.push(simProfileResource(base, profile, fields.profile));
    }
  }
  if (include.includes('attributions')) {
    for (const event of page) {
      const resource = attributionResource(context, base, event);
      if (resource) included.push(resource);
    }
  }
  return included;
}
