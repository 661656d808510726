#!/usr/bin/env node
import { isKlensError } from '@klens/core';
import { serveCommand } from './cli/serve.js';
import { syncCommand } from './cli/sync.js';
import { tokenCommand } from './cli/token.js';
import { readEnv } from './env.js';

const usage = `Usage: klens <command>
  serve                 run the API (PORT, DATABASE_URL or KLENS_DATA_DIR, KLENS_AUTH_SECRET)
  sync                  pull the Klaviyo account into the database (KLAVIYO_API_KEY, KLAVIYO_BASE_URL,
                        KLENS_SYNC_METRICS, KLENS_BACKFILL_DAYS)
  token <account-id>    print an embed token for the account (KLENS_AUTH_SECRET)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const env = readEnv();
  switch (command) {
    case 'serve':
      await serveCommand(env);
      return 0;
    case 'sync':
      await syncCommand(env);
      return 0;
    case 'token':
      await tokenCommand(env, args);
      return 0;
    default:
      process.stderr.write(`${usage}\n`);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isKlensError(error)) {
      process.stderr.write(`klens: ${error.message}\n`);
      process.exit(error.code === 'CONFIG_INVALID' ? 2 : error.code === 'ABORTED' ? 130 : 1);
    }
    process.stderr.write(`klens: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
