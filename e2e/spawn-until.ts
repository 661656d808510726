import { type ChildProcess, spawn } from 'node:child_process';

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Starts `node <script> <args…>` and resolves once its stdout (or `stream`) matches `ready`, or
 * rejects with everything the process printed if it exits or times out first.
 */
export function spawnUntil(
  command: { script: string; args?: string[]; env: Record<string, string> },
  ready: RegExp,
  options: { stream?: 'stdout' | 'stderr'; timeoutMs?: number } = {},
): Promise<Spawned & { match: RegExpMatchArray }> {
  const { stream = 'stdout', timeoutMs = 120_000 } = options;
  const { script } = command;
  const child = spawn(process.execPath, [script, ...(command.args ?? [])], { env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawned = { child, stdout: () => out, stderr: () => err, exited };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not print ${ready} within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    child[stream]!.on('data', () => {
      const match = (stream === 'stdout' ? out : err).match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ ...spawned, match });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready.\nstdout: ${out}\nstderr: ${err}`));
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
export function runToEnd(command: { script: string; args?: string[]; env: Record<string, string> }, timeoutMs = 120_000) {
  const child = spawn(process.execPath, [command.script, ...(command.args ?? [])], { env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
}
