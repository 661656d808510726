import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulatorApp, type SimulatorAppOptions } from '../http/create-simulator-app.js';
import { hashKey } from '../random/hash.js';
import { createKlaviyoStore } from '../store/create-klaviyo-store.js';
import type { KlaviyoStore, StoreOptions } from '../store/types.js';

/** Options of {@link startSimulator}: the store's options, the app's rate limits and faults, and where to listen. */
export interface SimulatorOptions extends StoreOptions, Pick<SimulatorAppOptions, 'rateLimits' | 'faults' | 'faultSeed' | 'clock' | 'sleep'> {
  /** TCP port; `0` picks a free one. Default `0`. */
  port?: number;
  /** Interface to listen on. Default `'127.0.0.1'`. */
  host?: string;
  /** The private key clients must send. Default `'pk_sim_'` plus 32 hex digits derived from the seed. */
  apiKey?: string;
  /** Origin for absolute links, when clients reach the simulator through another address. */
  publicBaseUrl?: string;
}

/** A simulator listening on a socket. */
export interface RunningSimulator {
  /** Base URL clients use, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  apiKey: string;
  /** The ground truth it serves. */
  store: KlaviyoStore;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  close(): Promise<void>;
}

/** The default private key of a seed: stable across runs, different between seeds. */
export function defaultApiKey(seed: number): string {
  const words = [0, 1, 2, 3].map((i) => hashKey(seed, 'api-key', i).toString(16).padStart(8, '0'));
  return `pk_sim_${words.join('')}`;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Creates a store and serves it over HTTP with @hono/node-server.
 *
 * ### Examples
 * ```ts
 * const sim = await startSimulator({ seed: 1, ordersPerDay: 15 });
 * const response = await fetch(`${sim.url}/api/metrics`, {
 *   headers: { Authorization: `Klaviyo-API-Key ${sim.apiKey}`, revision: '2026-07-15' },
 * });
 * await sim.close();
 * ```
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', apiKey: givenKey, publicBaseUrl, rateLimits, faults, faultSeed, clock, sleep, ...storeOptions } = options;
  const store = createKlaviyoStore(storeOptions);
  const apiKey = givenKey ?? defaultApiKey(store.options.seed);
  const app = createSimulatorApp(store, { apiKey, ...(publicBaseUrl ? { publicBaseUrl } : {}), rateLimits, faults, faultSeed, clock, sleep });

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(created as Server));
    created.once('error', reject);
  });
  const { port: boundPort } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${boundPort}`,
    apiKey,
    store,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() alone waits for idle keep-alive sockets (fetch keeps them open).
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
