import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Tests that check what is let go need a full collection on demand; V8 gives `gc` once the flag is set.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A new task: a WeakRef keeps its target until the job that made or read it ends. */
export const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether the object behind `ref` survives a full garbage collection made in a later task. */
export async function survivesCollection(ref: WeakRef<object>): Promise<boolean> {
  await nextTask();
  collectGarbage();
  await nextTask();
  return ref.deref() !== undefined;
}

/** A promise and the function that resolves it, for holding back an answer in a test. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** A page of a thousand small resource objects: enough to be worth letting go of. */
export const bigPage = () => ({ data: Array.from({ length: 1000 }, (_, i) => ({ type: 'event', id: String(i) })), links: {} });
