import { errors, jwtVerify, SignJWT } from 'jose';

/** The claim that names the Klaviyo account a token may read. */
export const ACCOUNT_CLAIM = 'account_id';

/** Shortest accepted signing secret: HS256 needs at least 256 bits of key. */
export const MIN_SECRET_LENGTH = 32;

export type TokenCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'bad-signature' | 'no-account' };

/**
 * Mints the token a host app hands to its browser so that Klens's UI can read one account: HS256,
 * signed with the server's secret, naming the account, expiring.
 *
 * ### Examples
 * ```ts
 * const token = await signEmbedToken({ accountId: 'AbC123', secret: process.env.KLENS_AUTH_SECRET! });
 * // send it to the browser; KlensProvider passes it as `Authorization: Bearer <token>`
 * ```
 */
export async function signEmbedToken(options: {
  accountId: string;
  secret: string;
  /** Lifetime in seconds. Default 3600. */
  expiresInSeconds?: number;
  now?: Date;
}): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ [ACCOUNT_CLAIM]: options.accountId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(options.secret));
}

/** Checks a bearer token and says which account it names, or why it is refused. */
export async function verifyEmbedToken(token: string | undefined, secret: string, now: Date): Promise<TokenCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      currentDate: now,
    });
    const accountId = payload[ACCOUNT_CLAIM];
    return typeof accountId === 'string' && accountId.length > 0 ? { ok: true, accountId } : { ok: false, reason: 'no-account' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad-signature' };
    return { ok: false, reason: 'malformed' };
  }
}

/** Reads the token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** What to tell a caller whose token was refused. */
export const tokenProblems: Record<Exclude<TokenCheck, { ok: true }>['reason'], string> = {
  missing: 'Sign in: this request needs an `Authorization: Bearer <token>` header with a Klens embed token.',
  malformed: 'The embed token is not a valid HS256 JWT; mint a new one with signEmbedToken.',
  expired: 'The embed token has expired; fetch a new one from your backend.',
  'bad-signature': 'The embed token was not signed with this server’s KLENS_AUTH_SECRET.',
  'no-account': `The embed token has no "${ACCOUNT_CLAIM}" claim naming the account to read.`,
};
