import type { Clock, KlensDatabase, Logger } from '@klens/core';
import { bearerToken, type TokenCheck, verifyEmbedToken } from '../auth/embed-token.js';

/** What the server is built from: the world, injected. */
export interface ServerDependencies {
  database: KlensDatabase;
  /** HS256 secret that embed tokens are signed with. */
  authSecret: string;
  clock: Clock;
  logger: Logger;
}

/** What every procedure sees: the dependencies and the caller's checked token. */
export interface Context extends ServerDependencies {
  auth: TokenCheck;
}

/**
 * Builds a request's context from its `Authorization` header. Used by the HTTP adapter and by
 * `createCaller` in tests, so both go through the same token check.
 */
export async function createContext(dependencies: ServerDependencies, authorization: string | null | undefined): Promise<Context> {
  const auth = await verifyEmbedToken(bearerToken(authorization), dependencies.authSecret, dependencies.clock());
  return { ...dependencies, auth };
}
