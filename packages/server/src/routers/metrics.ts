import { isLocalDate, metricTimeSeries, TIME_INTERVALS } from '@klens/core';
import { z } from 'zod';
import { validatedInput } from '../trpc/input.js';
import { accountProcedure, router } from '../trpc/trpc.js';

const localDate = z.string().refine(isLocalDate, { message: 'expected a calendar date like 2026-01-31' });

export const timeSeriesInput = z.object({
  /** A metric name as Klaviyo shows it (`Placed Order`) or its id. */
  metric: z.string().trim().min(1, 'name a metric, e.g. "Placed Order"').max(200),
  /** First local date, inclusive. Default: 29 days before `to`. */
  from: localDate.optional(),
  /** Last local date, inclusive. Default: today in the account's timezone. */
  to: localDate.optional(),
  /** Bucket size. Default `day`. */
  interval: z.enum(TIME_INTERVALS as ['day', 'week', 'month']).default('day'),
});

export const metricsRouter = router({
  /** A metric's value sum and event count per day, week or month, in the account's timezone. */
  timeSeries: accountProcedure.input(validatedInput(timeSeriesInput)).query(({ ctx, input }) =>
    metricTimeSeries(ctx.database, { ...input, accountId: ctx.accountId }, ctx.clock),
  ),
});
