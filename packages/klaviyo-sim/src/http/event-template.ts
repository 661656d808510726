import type { EventReader, EventRow } from '../store/event-rows.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import type { Utf8Builder } from './utf8-builder.js';

/** The fields written into a template's fixed-width slots, as positions in a values array. */
const SLOT = { id: 0, timestamp: 1, datetime: 2, uuid: 3, profile: 4, metric: 5, attribution: 6 } as const;
type SlotName = keyof typeof SLOT;

/** Each slot's width in characters (all ASCII): ids, uuids and datetimes have fixed shapes. */
const WIDTH = [11, 10, 25, 36, 26, 6, 12] as const;
/** The attribution slot's value when there is none (its template has no such slot). */
const NO_ATTRIBUTION = ' '.repeat(WIDTH[SLOT.attribution]);

/** A run of JSON bytes with holes at known byte offsets, filled per event. */
interface Template {
  bytes: Buffer;
  /** Per hole: the slot, then its byte offset. */
  holes: Int32Array;
}

function template(build: (text: (piece: string) => void, slot: (name: SlotName) => void) => void): Template {
  const pieces: string[] = [];
  const holes: number[] = [];
  let offset = 0;
  build(
    (piece) => {
      pieces.push(piece);
      offset += Buffer.byteLength(piece);
    },
    (name) => {
      const width = WIDTH[SLOT[name]];
      holes.push(SLOT[name], offset);
      pieces.push(' '.repeat(width));
      offset += width;
    },
  );
  return { bytes: Buffer.from(pieces.join('')), holes: Int32Array.from(holes) };
}

/**
 * Copies an ASCII string's characters as bytes. For the short ids of a slot, a loop the JIT
 * compiles beats a call into the native encoder, whose fixed cost is paid 16 times per event.
 */
function writeAscii(buffer: Buffer, at: number, text: string): void {
  for (let i = 0; i < text.length; i += 1) buffer[at + i] = text.charCodeAt(i);
}

/** JSON string contents without the quotes. */
const inner = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Writes `event` resources as UTF-8 straight into a page's buffer: two byte templates per event
 * (before and after `event_properties`) with the event's ids, uuid and datetime written into
 * fixed-width holes. This is the serving hot path, so it avoids building each event's JSON as a
 * string: V8 keeps such a string as a tree of hundreds of pieces, and flattening it for encoding
 * cost more than everything else about the event.
 *
 * `fallback` writes the same JSON as a string; it is used when a field does not have its usual
 * width (a datetime past year 9999, say), so the bytes are always exactly the string writer's.
 */
export function createEventTemplateWriter(
  base: string,
  reader: EventReader,
  attributionId: (eventId: string) => string,
  fallback: (row: EventRow) => string,
): (row: EventRow, out: Utf8Builder) => void {
  const events = `${inner(base)}/api/events/`;
  const head = template((text, slot) => {
    text('{"type":"event","id":"');
    slot('id');
    text('","attributes":{"timestamp":');
    slot('timestamp');
    text(',"event_properties":');
  });
  const tailOf = (attributed: boolean) =>
    template((text, slot) => {
      /** `"links":{"self":…,"related":…}` of the event's relationship `name`, closing it. */
      const links = (name: string) => {
        text(`"links":{"self":"${events}`);
        slot('id');
        text(`/relationships/${name}/","related":"${events}`);
        slot('id');
        text(`/${name}/"}}`);
      };
      text(',"datetime":"');
      slot('datetime');
      text('","uuid":"');
      slot('uuid');
      text('"},"relationships":{"profile":{"data":{"type":"profile","id":"');
      slot('profile');
      text('"},');
      links('profile');
      text(',"metric":{"data":{"type":"metric","id":"');
      slot('metric');
      text('"},');
      links('metric');
      text(',"attributions":{"data":');
      if (attributed) {
        text('[{"type":"attribution","id":"');
        slot('attribution');
        text('"}]');
      } else text('[]');
      text(',');
      links('attributions');
      text(`},"links":{"self":"${events}`);
      slot('id');
      text('/"}}');
    });
  const tails = { plain: tailOf(false), attributed: tailOf(true) };
  const values: string[] = new Array<string>(WIDTH.length).fill('');

  const place = (buffer: Buffer, at: number, { bytes, holes }: Template): number => {
    buffer.set(bytes, at);
    for (let i = 0; i < holes.length; i += 2) writeAscii(buffer, at + (holes[i + 1] as number), values[holes[i] as number] as string);
    return bytes.length;
  };

  return (row, out) => {
    const instant = reader.instant(row);
    const id = reader.id(row);
    const attributed = reader.orderAttribution(row) !== undefined;
    values[SLOT.id] = id;
    values[SLOT.timestamp] = String(Math.floor(instant / 1000));
    values[SLOT.datetime] = formatKlaviyoDateTime(instant);
    values[SLOT.uuid] = reader.uuid(row);
    values[SLOT.profile] = reader.profileId(row);
    values[SLOT.metric] = reader.metricId(row);
    values[SLOT.attribution] = attributed ? attributionId(id) : NO_ATTRIBUTION;
    for (let slot = 0; slot < WIDTH.length; slot += 1) {
      if ((values[slot] as string).length !== WIDTH[slot]) {
        out.append(fallback(row));
        return;
      }
    }
    const properties = reader.propertiesJson(row);
    const tail = attributed ? tails.attributed : tails.plain;
    const buffer = out.reserve(head.bytes.length + properties.length * 3 + tail.bytes.length);
    let at = out.length;
    at += place(buffer, at, head);
    at += buffer.write(properties, at, 'utf8');
    at += place(buffer, at, tail);
    out.advance(at - out.length);
  };
}
