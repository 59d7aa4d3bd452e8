import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** One sealed value: its row and the value (row ids are each table's primary key). */
export interface SealedValue {
  id: string;
  value: string;
}

/** Reads and rewrites one column of sealed values, installation-wide (the master key is). */
export interface SealedColumn {
  /** `table.column`, for the report. */
  name: string;
  /** The secret box purpose the values were sealed with. */
  purpose: string;
  list(db: Db): Promise<SealedValue[]>;
  set(db: Db, id: string, value: string): Promise<void>;
}

const present = (rows: { id: string; value: string | null }[]): SealedValue[] =>
  rows.flatMap((row) => (row.value === null ? [] : [{ id: row.id, value: row.value }]));

/**
 * Every value sealed with the master key (`custos keys rotate` re-seals them all; a new sealed
 * column must be added here, or a rotation would leave it unreadable: keys-rotate.int.test.ts
 * seals one of each). Unscoped on purpose: the master key is the installation's.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    name: 'users.totp_secret',
    purpose: 'totp-secret',
    list: async (db) =>
      present(
        await db.selectFrom('users').select(['id', 'totp_secret as value']).orderBy('id').execute(),
      ),
    set: async (db, id, value) => {
      await db.updateTable('users').set({ totp_secret: value }).where('id', '=', id).execute();
    },
  },
  {
    name: 'users.totp_pending_secret',
    purpose: 'totp-secret',
    list: async (db) =>
      present(
        await db
          .selectFrom('users')
          .select(['id', 'totp_pending_secret as value'])
          .orderBy('id')
          .execute(),
      ),
    set: async (db, id, value) => {
      await db
        .updateTable('users')
        .set({ totp_pending_secret: value })
        .where('id', '=', id)
        .execute();
    },
  },
  {
    name: 'webhook_endpoints.secret_sealed',
    purpose: 'webhook-signing-secret',
    list: async (db) =>
      present(
        await db
          .selectFrom('webhook_endpoints')
          .select(['id', 'secret_sealed as value'])
          .orderBy('id')
          .execute(),
      ),
    set: async (db, id, value) => {
      await db
        .updateTable('webhook_endpoints')
        .set({ secret_sealed: value })
        .where('id', '=', id)
        .execute();
    },
  },
  {
    name: 'webhook_endpoints.previous_secret_sealed',
    purpose: 'webhook-signing-secret',
    list: async (db) =>
      present(
        await db
          .selectFrom('webhook_endpoints')
          .select(['id', 'previous_secret_sealed as value'])
          .orderBy('id')
          .execute(),
      ),
    set: async (db, id, value) => {
      await db
        .updateTable('webhook_endpoints')
        .set({ previous_secret_sealed: value })
        .where('id', '=', id)
        .execute();
    },
  },
  {
    name: 'outbox.body_text (sealed messages)',
    purpose: 'outbox-body',
    list: async (db) =>
      present(
        await db
          .selectFrom('outbox')
          .select(['id', 'body_text as value'])
          .where('sealed', '=', 1)
          .orderBy('id')
          .execute(),
      ),
    set: async (db, id, value) => {
      await db.updateTable('outbox').set({ body_text: value }).where('id', '=', id).execute();
    },
  },
  {
    name: 'evidence_items.sealed_key (file keys)',
    purpose: 'file-key',
    list: async (db) =>
      present(
        await db
          .selectFrom('evidence_items')
          .select(['id', 'sealed_key as value'])
          .orderBy('id')
          .execute(),
      ),
    set: async (db, id, value) => {
      await db
        .updateTable('evidence_items')
        .set({ sealed_key: value })
        .where('id', '=', id)
        .execute();
    },
  },
];
