import { signEmbedToken } from '@klens/server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * The demo's web server: the Klens API mounted at its usual paths, the built dashboard, and a token
 * route that plays the part of a host app's backend minting embed tokens for its signed-in user.
 */
export function createDemoApp(options: {
  api: Hono;
  webRoot: string;
  accountId: string;
  authSecret: string;
  clock: () => Date;
}): Hono {
  const app = new Hono();
  app.get('/demo/token', async (c) => {
    const expiresInSeconds = 15 * 60;
    const token = await signEmbedToken({ accountId: options.accountId, secret: options.authSecret, expiresInSeconds, now: options.clock() });
    c.header('cache-control', 'no-store');
    return c.json({ token, expiresAt: new Date(options.clock().getTime() + expiresInSeconds * 1000).toISOString() });
  });
  app.all('/trpc/*', (c) => options.api.fetch(c.req.raw));
  app.get('/health', (c) => options.api.fetch(c.req.raw));
  app.use('/*', serveStatic({ root: options.webRoot }));
  // Client-side routes fall back to the dashboard page.
  app.get('*', serveStatic({ root: options.webRoot, path: 'index.html' }));
  return app;
}
