import type { SimList, SimSegment } from '../../store/types.js';
import { relationshipLinks, resourceLink } from '../links.js';
import type { Resource } from '../resources.js';
import { pickFields } from '../sparse-fieldsets.js';

/** A `list` or `segment` resource; `profileCount` adds the opt-in `profile_count`; `flowTriggers` fills that relationship. */
export function audienceResource(base: string, type: 'list' | 'segment', audience: SimList | SimSegment, fields?: readonly string[], profileCount?: number, flowTriggers?: string[]): Resource {
  const { id, ...rest } = audience;
  const collection = type === 'list' ? 'lists' : 'segments';
  const attributes: Record<string, unknown> = { ...rest };
  if (profileCount !== undefined) attributes.profile_count = profileCount;
  return {
    type,
    id,
    attributes: pickFields(attributes, fields),
    relationships: {
      profiles: { links: relationshipLinks(base, collection, id, 'profiles') },
      tags: { links: relationshipLinks(base, collection, id, 'tags') },
      'flow-triggers': { ...(flowTriggers ? { data: flowTriggers.map((flowId) => ({ type: 'flow', id: flowId })) } : {}), links: relationshipLinks(base, collection, id, 'flow-triggers') },
    },
    links: { self: resourceLink(base, collection, id) },
  };
}
