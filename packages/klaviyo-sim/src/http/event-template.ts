import type { EventReader, EventRow } from '../store/event-rows.js';
import { UUID_LENGTH } from '../store/ids.js';
import { PROFILE_ID_LENGTH } from '../store/profiles.js';
import { writeKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import type { Utf8Builder } from './utf8-builder.js';

/** The fields written into a template's fixed-width slots. */
const SLOT = { id: 0, timestamp: 1, datetime: 2, uuid: 3, profile: 4, metric: 5, attribution: 6 } as const;
type SlotName = keyof typeof SLOT;

/** Each slot's width in characters (all ASCII): ids, uuids and datetimes have fixed shapes. */
const WIDTH = [11, 10, 25, UUID_LENGTH, PROFILE_ID_LENGTH, 6, 12] as const;

/** A run of JSON bytes with holes at known byte offsets, filled per event. */
interface Template {
  bytes: Buffer;
  /** Byte offsets of each slot's holes, by slot. */
  holes: number[][];
}

function template(build: (text: (piece: string) => void, slot: (name: SlotName) => void) => void): Template {
  const pieces: string[] = [];
  const holes: number[][] = WIDTH.map(() => []);
  let offset = 0;
  build(
    (piece) => {
      pieces.push(piece);
      offset += Buffer.byteLength(piece);
    },
    (name) => {
      const width = WIDTH[SLOT[name]];
      holes[SLOT[name]]?.push(offset);
      pieces.push(' '.repeat(width));
      offset += width;
    },
  );
  return { bytes: Buffer.from(pieces.join('')), holes };
}

/** The one hole of `slot` in a template, as its byte offset. */
function hole(template: Template, slot: SlotName): number {
  const [offset, ...more] = template.holes[SLOT[slot]] ?? [];
  if (offset === undefined || more.length > 0) throw new Error(`The event template must have exactly one ${slot} hole`);
  return offset;
}

/**
 * Copies an ASCII string's characters as bytes. For the short ids of a slot, a loop the JIT
 * compiles beats a call into the native encoder.
 */
function writeAscii(buffer: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i += 1) buffer[at + i] = text.charCodeAt(i);
}

/** Copies a few bytes: for a metric id's six, a loop beats the fixed cost of TypedArray#set. */
function copyBytes(buffer: Uint8Array, at: number, bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i += 1) buffer[at + i] = bytes[i] as number;
}

/** Copies `length` bytes within `buffer`: an event's id, written once, to its other holes. */
function copyWithin(buffer: Uint8Array, to: number, from: number, length: number): void {
  for (let i = 0; i < length; i += 1) buffer[to + i] = buffer[from + i] as number;
}

/** Writes a whole number of 10 digits; `false` (nothing written) for any other. */
function writeTenDigits(buffer: Uint8Array, at: number, value: number): boolean {
  if (!(value >= 1e9 && value < 1e10 && Number.isInteger(value))) return false;
  let rest = value;
  for (let i = 9; i >= 0; i -= 1) {
    const digit = rest % 10;
    buffer[at + i] = 0x30 + digit;
    rest = (rest - digit) / 10;
  }
  return true;
}

/** JSON string contents without the quotes. */
const inner = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Writes `event` resources as UTF-8 straight into a page's buffer: two byte templates per event
 * (before and after `event_properties`) with the event's ids, timestamp, uuid and datetime written
 * as bytes into fixed-width holes (the id once, then copied to its four other holes). This is the
 * serving hot path, so it builds no strings for these fields: V8 keeps a concatenated string as a
 * tree of pieces, and flattening those for encoding cost more than everything else about the event.
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
  // Where each field goes: in the head, the id and timestamp; in each tail, the rest, the id four times.
  const headId = hole(head, 'id');
  const headTimestamp = hole(head, 'timestamp');
  const tailHoles = (tail: Template) => ({
    ids: Int32Array.from(tail.holes[SLOT.id] ?? []),
    datetime: hole(tail, 'datetime'),
    uuid: hole(tail, 'uuid'),
    profile: hole(tail, 'profile'),
    metric: hole(tail, 'metric'),
  });
  const plainHoles = tailHoles(tails.plain);
  const attributedHoles = { ...tailHoles(tails.attributed), attribution: hole(tails.attributed, 'attribution') };
  // Metric ids are a handful: their bytes are made once per catalogue position (undefined when
  // one has an unusual width).
  const metricCodes: (Uint8Array | undefined)[] = [];
  const metricCodesOf = (row: EventRow): Uint8Array | undefined => {
    const metric = reader.metric(row);
    if (!(metric in metricCodes)) {
      const metricId = reader.metricId(row);
      metricCodes[metric] = metricId.length === WIDTH[SLOT.metric] ? Buffer.from(metricId, 'latin1') : undefined;
    }
    return metricCodes[metric];
  };

  return (row, out) => {
    const metric = metricCodesOf(row);
    const attributed = reader.orderAttribution(row) !== undefined;
    const attribution = attributed ? attributionId(reader.id(row)) : '';
    if (metric === undefined || (attributed && attribution.length !== WIDTH[SLOT.attribution])) {
      out.append(fallback(row));
      return;
    }
    const memo = reader.propertiesBytes(row);
    const properties = memo === undefined ? reader.propertiesJson(row) : '';
    const tail = attributed ? tails.attributed : tails.plain;
    const holes = attributed ? attributedHoles : plainHoles;
    const buffer = out.reserve(head.bytes.length + (memo === undefined ? properties.length * 3 : memo.bytes.length) + tail.bytes.length);
    const start = out.length;
    buffer.set(head.bytes, start);
    const id = start + headId;
    reader.writeId(row, buffer, id);
    const instant = reader.instant(row);
    if (!writeTenDigits(buffer, start + headTimestamp, Math.floor(instant / 1000))) {
      out.append(fallback(row));
      return;
    }
    const propertiesStart = start + head.bytes.length;
    let tailStart: number;
    if (memo === undefined) tailStart = propertiesStart + buffer.write(properties, propertiesStart, 'utf8');
    else {
      buffer.set(memo.bytes, propertiesStart);
      if (memo.idAt >= 0) copyWithin(buffer, propertiesStart + memo.idAt, id, WIDTH[SLOT.id]);
      tailStart = propertiesStart + memo.bytes.length;
    }
    buffer.set(tail.bytes, tailStart);
    if (!writeKlaviyoDateTime(buffer, tailStart + holes.datetime, instant)) {
      out.append(fallback(row));
      return;
    }
    for (let i = 0; i < holes.ids.length; i += 1) copyWithin(buffer, tailStart + (holes.ids[i] as number), id, WIDTH[SLOT.id]);
    reader.writeUuid(row, buffer, tailStart + holes.uuid);
    reader.writeProfileId(row, buffer, tailStart + holes.profile);
    copyBytes(buffer, tailStart + holes.metric, metric);
    if (attributed) writeAscii(buffer, tailStart + attributedHoles.attribution, attribution);
    out.advance(tailStart + tail.bytes.length - start);
  };
}
