#!/usr/bin/env node
// First step of `pnpm test`: make sure the machine has what the suites need, and say what will run.
// - Chromium (Debian's package) for the browser tests: installed with apt-get when missing and we are root.
// - PostgreSQL: the database suites run on PGlite always, and on PostgreSQL too when DATABASE_URL is set.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: Klens needs Node 20.19 or newer.`);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    fail(`Chromium is not at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
  }
  console.log('Installing Chromium from Debian packages for the browser tests …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
console.log(`Browser tests: ${chromium}`);

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const url = new URL(databaseUrl);
  const reachable = await new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432), timeout: 3000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
  if (!reachable) fail(`DATABASE_URL is set but nothing answers at ${url.hostname}:${url.port || 5432}. Start PostgreSQL or unset DATABASE_URL.`);
  console.log(`Database suites: PGlite and PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`);
} else {
  console.log('Database suites: PGlite only (set DATABASE_URL=postgres://… to run them on PostgreSQL as well)');
}

function fail(message) {
  console.error(`klens test: ${message}`);
  process.exit(1);
}
