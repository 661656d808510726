import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, signEmbedToken, verifyEmbedToken } from './embed-token.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const now = new Date('2026-06-01T12:00:00Z');

describe('embed tokens', () => {
  it('name the account they were minted for', async () => {
    const token = await signEmbedToken({ accountId: 'AbC123', secret, now });
    expect(await verifyEmbedToken(token, secret, now)).toEqual({ ok: true, accountId: 'AbC123' });
  });

  it('expire', async () => {
    const token = await signEmbedToken({ accountId: 'AbC123', secret, now, expiresInSeconds: 60 });
    expect(await verifyEmbedToken(token, secret, new Date(now.getTime() + 61_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when signed with another secret, missing, or garbage', async () => {
    const token = await signEmbedToken({ accountId: 'AbC123', secret: `${secret}-other`, now });
    expect(await verifyEmbedToken(token, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyEmbedToken(undefined, secret, now)).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyEmbedToken('not.a.jwt', secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('must carry the account claim and an expiry', async () => {
    const key = new TextEncoder().encode(secret);
    const noAccount = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);
    expect(await verifyEmbedToken(noAccount, secret, new Date())).toEqual({ ok: false, reason: 'no-account' });
    const noExpiry = await new SignJWT({ account_id: 'AbC123' }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await verifyEmbedToken(noExpiry, secret, new Date())).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse the "none" algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ account_id: 'AbC123', exp: 9_999_999_999 })).toString('base64url');
    expect(await verifyEmbedToken(`${header}.${payload}.`, secret, now)).toMatchObject({ ok: false });
  });
});

describe('bearerToken', () => {
  it('reads the token of an Authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
