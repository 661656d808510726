import type { EventReader, EventRow } from '../store/event-rows.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';

/** JSON string contents without the quotes; escaping is per character, so pieces concatenate. */
const inner = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Writes one `event` resource as JSON text, byte for byte what `JSON.stringify(eventResource(…))`
 * gives without a sparse fieldset (same key order), straight from the store's event row: a
 * 1000-event page then costs string pieces instead of 1000 event objects, 1000 resource objects
 * and their garbage. `attributionId` names the order's attribution when a message drove it.
 *
 * Event, metric and profile ids and uuids are alphanumeric (with dashes), so they need neither
 * JSON escaping nor URL encoding; only the base URL is escaped, once.
 */
export function createEventJsonWriter(base: string, reader: EventReader, attributionId: (eventId: string) => string): (row: EventRow) => string {
  const events = `${inner(base)}/api/events/`;
  return (row) => {
    const id = reader.id(row);
    const resource = events + id;
    const instant = reader.instant(row);
    const attributions = reader.orderAttribution(row) === undefined ? '[]' : `[{"type":"attribution","id":"${attributionId(id)}"}]`;
    return (
      `{"type":"event","id":"${id}","attributes":{"timestamp":${Math.floor(instant / 1000)},` +
      `"event_properties":${reader.propertiesJson(row)},"datetime":"${formatKlaviyoDateTime(instant)}","uuid":"${reader.uuid(row)}"},` +
      `"relationships":{"profile":{"data":{"type":"profile","id":"${reader.profileId(row)}"},"links":{"self":"${resource}/relationships/profile/","related":"${resource}/profile/"}},` +
      `"metric":{"data":{"type":"metric","id":"${reader.metricId(row)}"},"links":{"self":"${resource}/relationships/metric/","related":"${resource}/metric/"}},` +
      `"attributions":{"data":${attributions},"links":{"self":"${resource}/relationships/attributions/","related":"${resource}/attributions/"}}},` +
      `"links":{"self":"${resource}/"}}`
    );
  };
}
