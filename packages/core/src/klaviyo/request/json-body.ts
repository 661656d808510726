import { Buffer } from 'node:buffer';

/**
 * Bodies this large are parsed in pieces (see {@link parseJsonBody}). V8 keeps a string over about
 * 128 kB in its own freshly mapped pages, and on the VMs we measure on a page fault costs 11–17 µs:
 * a page of 1000 events (1 MB) as one string took about 230 faults, as long as its parse
 * (benchmarks/sim/page-parse.mjs: one string per page took 1.5× as long as this).
 */
const PIECES_FROM = 256 * 1024;
/** Most bytes parsed as one run of records: well under V8's large-object size. */
const RUN_BYTES = 64 * 1024;
/**
 * Where one JSON:API resource object ends and the next begins. An unescaped `"` followed by a
 * letter opens a string, so the `},{` before it lies outside any string: these bytes are always
 * structure, never text inside a value. Klaviyo writes every resource object with `type` first.
 */
const NEXT_RESOURCE = Buffer.from('},{"type":"');
/**
 * Marks a run's place in the skeleton. It starts with U+0000, which JSON can only write as
 * `\u0000`: a body with that escape anywhere is parsed whole, so no string of the body is taken
 * for a marker.
 */
const MARK_PREFIX = '\u0000klens-run:';
const ESCAPED_NUL = Buffer.from('\\u0000');

const decoder = new TextDecoder();

/**
 * `JSON.parse` of a UTF-8 body, with the same result and the same errors, without ever making one
 * string of a large body. A Klaviyo page is arrays of resource objects (`data`, `included`); runs
 * of whole objects of up to 64 kB are cut at {@link NEXT_RESOURCE}, each run is parsed on its own,
 * and the rest of the body (the skeleton: first and last objects of each array, `links`) is parsed
 * with a marker in place of each run, which is then put back.
 *
 * Why this is exact: a run starts after a `,` that precedes a `{` (so inside an array) and ends
 * with such a `,`. If the run parses as the elements of an array, its brackets balance, so it ends
 * in the array it started in, and the skeleton keeps the same structure with a marker element in its
 * place. A cut that fell inside a value's own array still yields runs of that array, and one that
 * does not parse (a run across the end of `data`) stays in the skeleton as text. The skeleton's
 * parse then checks the whole; if it fails, the whole body is parsed for the true error.
 */
export function parseJsonBody(bytes: Uint8Array): unknown {
  return parseJsonBodyTelling(bytes).value;
}

/**
 * Scratch a body in several chunks is copied into before it is parsed, kept between bodies: a new
 * megabyte for every page would be mapped afresh each time (the cost above, for bytes this time).
 * The parse is synchronous and its result holds no view of the bytes, so one scratch serves all.
 */
let scratch = new Uint8Array(0);
/** Scratch held for good covers bodies up to this size; a larger one gets a buffer of its own. */
const SCRATCH_KEPT = 8 * 1024 * 1024;

/** {@link parseJsonBody} of the chunks of a body, in order, as a response stream gives them. */
export function parseJsonChunks(chunks: readonly Uint8Array[]): unknown {
  if (chunks.length === 1) return parseJsonBody(chunks[0] as Uint8Array);
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (length > SCRATCH_KEPT) return parseJsonBody(Buffer.concat(chunks, length));
  if (scratch.length < length) scratch = new Uint8Array(Math.min(SCRATCH_KEPT, Math.max(length, scratch.length * 2)));
  let at = 0;
  for (const chunk of chunks) {
    scratch.set(chunk, at);
    at += chunk.length;
  }
  return parseJsonBody(scratch.subarray(0, length));
}

/** {@link parseJsonBody}'s value, and how many runs of objects were parsed apart (0: parsed whole). */
export function parseJsonBodyTelling(bytes: Uint8Array): { value: unknown; runs: number } {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = () => ({ value: JSON.parse(decoder.decode(body)) as unknown, runs: 0 });
  if (body.length < PIECES_FROM || body.includes(ESCAPED_NUL)) return whole();
  const cuts: number[] = [];
  for (let at = body.indexOf(NEXT_RESOURCE); at >= 0; at = body.indexOf(NEXT_RESOURCE, at + 2)) cuts.push(at + 2);
  if (cuts.length < 2) return whole();

  const runs: unknown[][] = [];
  const skeleton: string[] = [];
  // TextDecoder drops a leading byte-order mark; so does the skeleton.
  let kept = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  /** Parses [from, to) (objects, each followed by a comma) as a run; false if it is not one. */
  const takeRun = (from: number, to: number): boolean => {
    let values: unknown;
    try {
      values = JSON.parse(`[${body.toString('utf8', from, to - 1)}]`);
    } catch {
      return false;
    }
    skeleton.push(body.toString('utf8', kept, from), JSON.stringify(`${MARK_PREFIX}${runs.length}`), ',');
    runs.push(values as unknown[]);
    kept = to;
    return true;
  };
  for (let first = 0; first < cuts.length - 1; ) {
    const from = cuts[first] as number;
    let last = first + 1;
    while (last + 1 < cuts.length && (cuts[last + 1] as number) - from <= RUN_BYTES) last += 1;
    // A run that does not parse is tried object by object, so only the one across a boundary is left out.
    if (!takeRun(from, cuts[last] as number) && last > first + 1) {
      for (let one = first; one < last; one += 1) takeRun(cuts[one] as number, cuts[one + 1] as number);
    }
    first = last;
  }
  skeleton.push(body.toString('utf8', kept));
  let tree: unknown;
  try {
    tree = JSON.parse(skeleton.join(''));
  } catch {
    return whole();
  }
  return { value: putRunsBack(tree, runs), runs: runs.length };
}

/** The parsed skeleton with each run's marker replaced by the run's elements. */
function putRunsBack(node: unknown, runs: readonly unknown[][]): unknown {
  if (Array.isArray(node)) {
    let spliced: unknown[] | undefined;
    node.forEach((item: unknown, i) => {
      if (typeof item === 'string' && item.startsWith(MARK_PREFIX)) {
        spliced ??= node.slice(0, i);
        for (const value of runs[Number(item.slice(MARK_PREFIX.length))] ?? []) spliced.push(value);
        return;
      }
      const restored = putRunsBack(item, runs);
      if (spliced) spliced.push(restored);
      else node[i] = restored;
    });
    return spliced ?? node;
  }
  if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    // An own `__proto__` (JSON.parse makes one) shadows the prototype's setter: assigning it is safe.
    for (const key of Object.keys(record)) record[key] = putRunsBack(record[key], runs);
  }
  return node;
}
