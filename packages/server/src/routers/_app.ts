import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/trpc.js';
import { metricsRouter } from './metrics.js';

export const appRouter = router({
  metrics: metricsRouter,
});

/** The API's type: clients import it with `import type` only, never the server code. */
export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
