import type { Migration } from 'kysely';
import * as m0001 from './0001_create_instance';

/**
 * Every migration, in order. Listed by hand so the bundle carries them; names are
 * `NNNN_verb_object` and a released migration never changes.
 */
export const migrations: Record<string, Migration> = {
  '0001_create_instance': m0001,
};
