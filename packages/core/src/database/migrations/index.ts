import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.js';

/** Every migration, by name; Kysely's Migrator runs them in name order. Never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
};
