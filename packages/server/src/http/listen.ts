import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  /** Stops accepting connections, closes idle keep-alive sockets and resolves when all are gone. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler (a Hono app) over HTTP on Node.
 *
 * ### Examples
 * ```ts
 * const server = await listen(createApp(dependencies), { port: 0 }); // 0: any free port
 * console.log(server.url);
 * await server.close();
 * ```
 */
export function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: {
    port?: number;
    hostname?: string;
    /** How long close() lets requests in flight finish before cutting their sockets. Default 10 s. */
    shutdownGraceMs?: number;
  } = {},
): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            const http = server as Server;
            const force = setTimeout(() => http.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
            force.unref();
            http.close(() => {
              clearTimeout(force);
              done();
            });
            // close() alone waits for keep-alive sockets to time out; drop the idle ones now.
            http.closeIdleConnections();
          }),
      });
    }) as Server;
    server.once('error', reject);
  });
}
