import type { Kysely } from 'kysely';
import type { KlensTables } from './tables.js';

/** Which engine a {@link KlensDatabase} runs on. */
export type DatabaseEngine = 'pglite' | 'postgres';

/**
 * A handle on Klens's database that both PGlite (embedded) and PostgreSQL (`pg` pool) satisfy.
 * Everything in core takes one of these; nothing opens its own connection.
 */
export interface KlensDatabase {
  readonly engine: DatabaseEngine;
  readonly kysely: Kysely<KlensTables>;
  /** Closes the pool or the embedded database. The handle is unusable afterwards. */
  close(): Promise<void>;
}
