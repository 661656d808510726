import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.js';
import { forecastsSchema } from './0002-forecasts.js';
import { klaviyoResourcesSchema } from './0003-klaviyo-resources.js';
import { deletedInKlaviyoSchema } from './0004-deleted-in-klaviyo.js';

/** Every migration, by name; Kysely's Migrator runs them in name order. Never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-forecasts': forecastsSchema,
  '0003-klaviyo-resources': klaviyoResourcesSchema,
  '0004-deleted-in-klaviyo': deletedInKlaviyoSchema,
};
