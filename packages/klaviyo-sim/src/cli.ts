#!/usr/bin/env node
import { readConfig } from './cli/read-config.js';
import { startSimulator } from './server/start-simulator.js';
import { InvalidStoreOptionError } from './store/store-options.js';

/** Exit code for configuration the simulator cannot start with. */
const BAD_CONFIG = 2;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.ok) {
    for (const problem of config.problems) console.error(`klaviyo-sim: ${problem}`);
    process.exit(BAD_CONFIG);
  }
  let simulator;
  try {
    simulator = await startSimulator(config.options);
  } catch (error) {
    if (error instanceof InvalidStoreOptionError) {
      console.error(`klaviyo-sim: ${error.message}`);
      process.exit(BAD_CONFIG);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      console.error(`klaviyo-sim: cannot listen on ${config.options.host}:${config.options.port} (${code}). Set HOST or PORT.`);
      process.exit(BAD_CONFIG);
    }
    throw error;
  }
  const { store } = simulator;
  const { rateLimits, faults } = config.options;
  const faultText = Array.isArray(faults) && faults.length > 0 ? faults.map((rule) => `${rule.kind}:${rule.probability}`).join(',') : 'none';
  console.log(
    `Klaviyo simulator on ${simulator.url} (API key ${simulator.apiKey}, seed ${store.options.seed}, now ${store.now.toISOString()}, ` +
      `size ${store.options.size}, rate limits ${typeof rateLimits === 'string' ? rateLimits : 'custom'}, faults ${faultText})`,
  );
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
