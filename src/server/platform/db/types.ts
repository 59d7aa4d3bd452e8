import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** A connection or a transaction: what repository functions take. */
export type Db = Kysely<Database> | Transaction<Database>;
