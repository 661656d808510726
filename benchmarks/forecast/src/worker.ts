// Worker thread of the M4 Hourly benchmark: scores every requested method on each series it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { mase, msis, smape } from '../../../packages/core/dist/index.js';
import { METHODS, SEASON } from './methods.js';
import type { M4Series } from './read-m4-hourly.js';

/** Scores of one method on one series. */
export interface SeriesScore {
  smape: number;
  mase: number;
  /** 95% interval score and coverage, when the method gives intervals. */
  msis: number | null;
  coverage: number | null;
  milliseconds: number;
}

export interface WorkerReply {
  id: string;
  scores: Record<string, SeriesScore>;
}

const methodNames = (workerData as { methods: string[] }).methods;

parentPort!.on('message', (series: M4Series | null) => {
  if (series === null) {
    parentPort!.close();
    return;
  }
  const scores: Record<string, SeriesScore> = {};
  for (const name of methodNames) {
    const started = performance.now();
    const result = METHODS[name]!(series.train);
    const milliseconds = performance.now() - started;
    const { lower, upper } = result;
    const covered = lower && upper ? series.test.filter((value, h) => value >= lower[h]! && value <= upper[h]!).length : 0;
    scores[name] = {
      smape: smape(series.test, result.mean),
      mase: mase(series.train, series.test, result.mean, SEASON),
      msis: lower && upper ? msis(series.train, series.test, lower, upper, SEASON) : null,
      coverage: lower && upper ? covered / series.test.length : null,
      milliseconds,
    };
  }
  parentPort!.postMessage({ id: series.id, scores } satisfies WorkerReply);
});
