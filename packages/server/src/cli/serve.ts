import { createJsonLogger, openDatabase, systemClock } from '@klens/core';
import type { ServerEnv } from '../env.js';
import { requireAuthSecret } from '../env.js';
import { createApp } from '../http/app.js';
import { listen } from '../http/listen.js';

/** `serve`: runs the API until SIGTERM or SIGINT, then shuts down cleanly. */
export async function serveCommand(env: ServerEnv): Promise<void> {
  const authSecret = requireAuthSecret(env);
  const logger = createJsonLogger({ level: env.logLevel, write: (line) => process.stderr.write(`${line}\n`) });
  const database = await openDatabase(env.database);
  const app = createApp({ database, authSecret, clock: systemClock, logger }, { corsOrigins: env.corsOrigins });
  const server = await listen(app, { port: env.port, hostname: env.host });
  const stopped = new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      logger.info('shutting down', { signal });
      await server.close();
      await database.close();
      resolve();
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
  // Announce only once the signal handlers are in place: whoever waits for this line may stop us at once.
  process.stdout.write(`Klens API on ${server.url} (database: ${env.database.engine})\n`);
  await stopped;
}
