let cached: { token: string; expiresAt: number } | undefined;

/**
 * Fetches an embed token from the demo server, the way a host app asks its own backend, and reuses
 * it until a minute before it expires.
 */
export async function demoToken(): Promise<string> {
  if (cached && cached.expiresAt - 60_000 > Date.now()) return cached.token;
  const response = await fetch('/demo/token');
  if (!response.ok) throw new Error(`The demo server refused a token (${response.status}).`);
  const body = (await response.json()) as { token: string; expiresAt: string };
  cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
  return body.token;
}
