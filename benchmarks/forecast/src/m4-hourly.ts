// `pnpm bench:forecast`: fits and forecasts all 414 M4 Hourly series (h = 48, m = 24) with the M4
// statistical benchmarks (Naive2 reproduced in the same run as the OWA baseline) and Klens's
// automatic method, on one worker thread per core; then times one automatic fit on two years of
// daily data. Progress goes to stderr while it runs; the figures come last, on stdout.
//
// Env: BENCH_METHODS (comma-separated, default the M4 benchmarks + "klens auto"; also available:
// "klens ensemble", "klens mstl-ets", "klens ets (m=24)"), BENCH_WORKERS (default: available cores).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forecast, owa } from '../../../packages/core/dist/index.js';
import { dailyRevenue } from './daily-revenue.js';
import { DEFAULT_METHODS, METHODS } from './methods.js';
import { readM4Hourly } from './read-m4-hourly.js';
import type { SeriesScore, WorkerReply } from './worker.js';

const methods = process.env.BENCH_METHODS?.split(',').map((name) => name.trim()) ?? DEFAULT_METHODS;
const unknown = methods.filter((name) => !(name in METHODS));
if (unknown.length > 0 || !methods.includes('Naive2')) {
  console.error(`BENCH_METHODS must include Naive2 and only: ${Object.keys(METHODS).join(', ')}`);
  process.exit(2);
}
const workerCount = Number(process.env.BENCH_WORKERS ?? availableParallelism());

/** Runs every series through the workers, each taking the next series when it is free. */
async function scoreAll(): Promise<{ results: WorkerReply[]; seconds: number }> {
  const series = readM4Hourly();
  const results: WorkerReply[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workerCount }, () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { methods } });
      const send = () => worker.postMessage(next < series.length ? series[next++]! : null);
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (reply: WorkerReply) => {
          results.push(reply);
          if (results.length % 46 === 0 || results.length === series.length) {
            const seconds = (performance.now() - started) / 1000;
            console.error(`  ${results.length}/${series.length} series, ${seconds.toFixed(1)} s`);
          }
          send();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
        send();
      });
    }),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

/**
 * Median wall and CPU time of one automatic fit (horizon 30, seasons 7 and 365) on 730 daily
 * points, after the workers have exited. CPU time is reported too because wall time on a shared
 * machine includes waiting for a core.
 */
function timeDailyFit(): { wall: number; cpu: number; runs: number } {
  const values = dailyRevenue();
  const run = () => forecast(values, { horizon: 30, seasonLengths: [7, 365], model: 'auto' });
  for (let i = 0; i < 5; i += 1) run();
  const runs = 31;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[runs >> 1]!;
  return { wall: median(wall), cpu: median(cpu), runs };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

console.error(`M4 Hourly: ${methods.join(', ')} on ${workerCount} worker thread(s)`);
const { results, seconds } = await scoreAll();
console.error('Timing one automatic fit on 730 daily points…');
const daily = timeDailyFit();
const peakRss = process.resourceUsage().maxRSS / 1024;

const aggregate = (name: string) => {
  const scores = results.map((reply) => reply.scores[name]!) as SeriesScore[];
  const withIntervals = scores.filter((score) => score.msis !== null);
  return {
    smape: mean(scores.map((score) => score.smape)),
    mase: mean(scores.map((score) => score.mase)),
    msis: withIntervals.length > 0 ? mean(withIntervals.map((score) => score.msis!)) : null,
    coverage: withIntervals.length > 0 ? mean(withIntervals.map((score) => score.coverage!)) : null,
    milliseconds: mean(scores.map((score) => score.milliseconds)),
  };
};
const baseline = aggregate('Naive2');
console.log(`\nM4 Hourly (${results.length} series, h = 48, MASE scaled with m = 24); published: see reference/forecast/PUBLISHED.md`);
console.log('method             sMAPE    MASE    OWA    MSIS(95%)  coverage  ms/series');
for (const name of methods) {
  const row = aggregate(name);
  const interval = row.msis === null ? '        -         -' : `${row.msis.toFixed(3).padStart(9)} ${(100 * row.coverage!).toFixed(1).padStart(8)}%`;
  console.log(
    `${name.padEnd(17)} ${row.smape.toFixed(3).padStart(6)} ${row.mase.toFixed(3).padStart(7)} ${owa(row, baseline).toFixed(3).padStart(6)}  ${interval} ${row.milliseconds.toFixed(1).padStart(9)}`,
  );
}
console.log(`wall time ${seconds.toFixed(1)} s for ${results.length} series (${(results.length / seconds).toFixed(1)} series/s, all methods, ${workerCount} workers)`);
console.log(`one automatic fit on 730 daily points: median ${daily.wall.toFixed(1)} ms wall, ${daily.cpu.toFixed(1)} ms CPU over ${daily.runs} runs`);
console.log(`peak RSS ${peakRss.toFixed(0)} MB (process, all threads)`);
