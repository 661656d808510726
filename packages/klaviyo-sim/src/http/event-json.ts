import type { SimEvent } from '../store/types.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';

/** JSON string contents without the quotes; escaping is per character, so pieces concatenate. */
const inner = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Writes one `event` resource as JSON text, byte for byte what `JSON.stringify(eventResource(…))`
 * gives without a sparse fieldset (same key order), without building the resource object first:
 * a 1000-event page then costs a string join instead of 1000 nested objects and their garbage.
 * `attributionId` is set when a message drove the event.
 */
export function createEventJsonWriter(base: string): (event: SimEvent, attributionId: string | undefined) => string {
  const events = `${inner(base)}/api/events/`;
  return (event, attributionId) => {
    const id = inner(event.id);
    const resource = events + inner(encodeURIComponent(event.id));
    const instant = event.datetime.getTime();
    const attributions = attributionId === undefined ? '[]' : `[{"type":"attribution","id":${JSON.stringify(attributionId)}}]`;
    return (
      `{"type":"event","id":"${id}","attributes":{"timestamp":${Math.floor(instant / 1000)},` +
      `"event_properties":${JSON.stringify(event.properties)},"datetime":"${formatKlaviyoDateTime(instant)}","uuid":${JSON.stringify(event.uuid)}},` +
      `"relationships":{"profile":{"data":{"type":"profile","id":${JSON.stringify(event.profileId)}},"links":{"self":"${resource}/relationships/profile/","related":"${resource}/profile/"}},` +
      `"metric":{"data":{"type":"metric","id":${JSON.stringify(event.metricId)}},"links":{"self":"${resource}/relationships/metric/","related":"${resource}/metric/"}},` +
      `"attributions":{"data":${attributions},"links":{"self":"${resource}/relationships/attributions/","related":"${resource}/attributions/"}}},` +
      `"links":{"self":"${resource}/"}}`
    );
  };
}
