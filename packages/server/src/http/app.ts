import { checkDatabase, lastSyncAt } from '@klens/core';
import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { bearerToken, tokenProblems, verifyEmbedToken } from '../auth/embed-token.js';
import { appRouter } from '../routers/_app.js';
import { createContext, type ServerDependencies } from '../trpc/context.js';

export interface AppOptions {
  /** Browser origins allowed to call the API (host apps embedding Klens). Default: none (same origin only). */
  corsOrigins?: readonly string[];
}

/**
 * The Klens HTTP API: tRPC at `/trpc`, `GET /health`. Every route needs an embed token.
 *
 * ### Examples
 * ```ts
 * const app = createApp({ database, authSecret, clock: systemClock, logger });
 * const server = await listen(app, { port: 3000 });
 * ```
 */
export function createApp(dependencies: ServerDependencies, options: AppOptions = {}): Hono {
  const { logger } = dependencies;
  const app = new Hono();

  if (options.corsOrigins?.length) {
    app.use('*', cors({ origin: [...options.corsOrigins], allowHeaders: ['authorization', 'content-type'], maxAge: 600 }));
  }

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });

  app.get('/health', async (c) => {
    const auth = await verifyEmbedToken(bearerToken(c.req.header('authorization')), dependencies.authSecret, dependencies.clock());
    if (!auth.ok) return c.json({ error: { code: 'UNAUTHORIZED', message: tokenProblems[auth.reason] } }, 401);
    const database = await checkDatabase(dependencies.database);
    const lastSync = database.reachable ? await lastSyncAt(dependencies.database, auth.accountId) : null;
    return c.json(
      { status: database.reachable ? 'ok' : 'unavailable', database, lastSyncAt: lastSync?.toISOString() ?? null },
      database.reachable ? 200 : 503,
    );
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: async (_options, c) => ({ ...(await createContext(dependencies, c.req.header('authorization'))) }),
    }),
  );

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));
  app.onError((error, c) => {
    logger.error('unhandled error', { path: c.req.path, error: error instanceof Error ? error.message : String(error) });
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Klens hit an internal error; it has been logged.' } }, 500);
  });
  return app;
}
