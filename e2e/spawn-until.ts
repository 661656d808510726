import { type ChildProcess, spawn } from 'node:child_process';

export interface Command {
  script: string;
  args?: string[];
  env: Record<string, string>;
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has exited and its output is read. */
  exited: Promise<number | null>;
}

/** Starts `node <script> <args…>` with extra environment and collects what it prints. */
function launch(command: Command): Spawned {
  const child = spawn(process.execPath, [command.script, ...(command.args ?? [])], {
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * Starts `node <script> <args…>` and resolves once its stdout (or `stream`) matches `ready`, or
 * rejects with everything the process printed if it exits or times out first.
 */
export function spawnUntil(
  command: Command,
  ready: RegExp,
  options: { stream?: 'stdout' | 'stderr'; timeoutMs?: number } = {},
): Promise<Spawned & { match: RegExpMatchArray }> {
  const { stream = 'stdout', timeoutMs = 120_000 } = options;
  const spawned = launch(command);
  const printed = () => `stdout: ${spawned.stdout()}\nstderr: ${spawned.stderr()}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      spawned.child.kill('SIGKILL');
      reject(new Error(`${command.script} did not print ${ready} within ${timeoutMs} ms.\n${printed()}`));
    }, timeoutMs);
    spawned.child[stream]!.on('data', () => {
      const match = (stream === 'stdout' ? spawned.stdout() : spawned.stderr()).match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ ...spawned, match });
      }
    });
    void spawned.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${command.script} exited with ${code} before it was ready.\n${printed()}`));
    });
  });
}

/** Sends SIGTERM and resolves with the exit code, or rejects if the process hangs. */
export async function stop(spawned: Spawned, timeoutMs = 10_000): Promise<number | null> {
  spawned.child.kill('SIGTERM');
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms of SIGTERM`)), timeoutMs).unref());
  return Promise.race([spawned.exited, timeout]);
}

/**
 * Runs `node <script> <args…>` to the end without blocking this process (which may be serving the
 * simulator the command talks to).
 */
export async function runToEnd(command: Command, timeoutMs = 120_000) {
  const spawned = launch(command);
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), timeoutMs);
  const status = await spawned.exited;
  clearTimeout(timer);
  return { status, stdout: spawned.stdout(), stderr: spawned.stderr() };
}
