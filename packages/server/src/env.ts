import { databaseConfigFrom, type DatabaseConfig, KlensError, type LogLevel } from '@klens/core';
import { z } from 'zod';
import { MIN_SECRET_LENGTH } from './auth/embed-token.js';

// The only module that reads process.env. Everything else receives these values.

const settings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  KLENS_DATA_DIR: z.string().default('.klens/data'),
  KLENS_AUTH_SECRET: z.string().optional(),
  KLENS_CORS_ORIGINS: z.string().optional(),
  KLAVIYO_API_KEY: z.string().optional(),
  KLAVIYO_BASE_URL: z.url().optional(),
  KLENS_SYNC_METRICS: z.string().optional(),
  KLENS_BACKFILL_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface ServerEnv {
  port: number;
  host: string;
  database: DatabaseConfig;
  authSecret: string | undefined;
  corsOrigins: string[];
  klaviyoApiKey: string | undefined;
  klaviyoBaseUrl: string | undefined;
  syncMetrics: string[] | undefined;
  /** How far back the first sync of a metric reaches, in days. Default (in core): 400. */
  backfillDays: number | undefined;
  logLevel: LogLevel;
}

/**
 * Reads and checks the server's settings.
 * @throws {KlensError} CONFIG_INVALID naming each bad variable.
 */
export function readEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = settings.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new KlensError('CONFIG_INVALID', `Invalid environment: ${problems}.`);
  }
  const value = parsed.data;
  const list = (raw: string | undefined) => raw?.split(',').map((item) => item.trim()).filter(Boolean);
  return {
    port: value.PORT,
    host: value.HOST,
    database: databaseConfigFrom({ ...(value.DATABASE_URL ? { databaseUrl: value.DATABASE_URL } : {}), dataDir: value.KLENS_DATA_DIR }),
    authSecret: value.KLENS_AUTH_SECRET,
    corsOrigins: list(value.KLENS_CORS_ORIGINS) ?? [],
    klaviyoApiKey: value.KLAVIYO_API_KEY,
    klaviyoBaseUrl: value.KLAVIYO_BASE_URL,
    syncMetrics: list(value.KLENS_SYNC_METRICS),
    backfillDays: value.KLENS_BACKFILL_DAYS,
    logLevel: value.LOG_LEVEL,
  };
}

/** The signing secret, or a CONFIG_INVALID error that says how to make one. */
export function requireAuthSecret(env: ServerEnv): string {
  if (!env.authSecret || env.authSecret.length < MIN_SECRET_LENGTH) {
    throw new KlensError(
      'CONFIG_INVALID',
      `KLENS_AUTH_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters (for example: openssl rand -base64 48).`,
    );
  }
  return env.authSecret;
}

/** The Klaviyo key for `sync`, or a CONFIG_INVALID error. */
export function requireKlaviyoKey(env: ServerEnv): string {
  if (!env.klaviyoApiKey) throw new KlensError('CONFIG_INVALID', 'KLAVIYO_API_KEY must be set to a Klaviyo private API key (pk_…) to sync.');
  return env.klaviyoApiKey;
}
