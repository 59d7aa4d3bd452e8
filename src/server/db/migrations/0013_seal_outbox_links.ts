import { sql, type Kysely } from 'kysely';

/** What a reset message held before its link was taken out of the outbox (0013). */
export const WITHDRAWN_RESET_BODY =
  'This password reset link was withdrawn: Custos no longer keeps reset links where others can read them. Ask for a new one from the sign-in page.';

// A message whose body carries a link only its recipient may use (a self-service or issued
// password reset) is stored sealed (`sealed` = 1) and never shown in the outbox. Reset messages
// kept before this lose their link: an owner could read it and take over the account.
// A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update outbox set body_text = ${WITHDRAWN_RESET_BODY} where subject = ${'Reset your Custos password'}`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('sealed').execute();
}
