import { KlensError } from '@klens/core';
import { signEmbedToken } from '../auth/embed-token.js';
import { requireAuthSecret, type ServerEnv } from '../env.js';

/** `token <account-id> [seconds]`: prints an embed token, for trying the API by hand. */
export async function tokenCommand(env: ServerEnv, args: string[]): Promise<void> {
  const [accountId, seconds] = args;
  if (!accountId) throw new KlensError('CONFIG_INVALID', 'Usage: token <klaviyo-account-id> [lifetime-seconds]');
  const expiresInSeconds = seconds ? Number(seconds) : 3600;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) throw new KlensError('CONFIG_INVALID', 'The lifetime must be a whole number of seconds.');
  process.stdout.write(`${await signEmbedToken({ accountId, secret: requireAuthSecret(env), expiresInSeconds })}\n`);
}
