import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';
import { secretBox } from '../../src/server/platform/crypto/secret-box';
import { bodyToSend } from '../../src/server/platform/mail/sealed-body';
import { TEST_MASTER_KEY } from './audit';

/**
 * The bodies of the messages queued for `email`, newest first, as the recipient receives them:
 * a sealed body (a reset link) opened with the test app's key, as sending does. Tests use it
 * where they stand in for the recipient's mailbox; the outbox API never shows a sealed body.
 */
export async function mailsTo(db: Kysely<Database>, email: string): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['body_text', 'sealed'])
    .where('to_email', '=', email)
    .orderBy('id', 'desc')
    .execute();
  const secrets = secretBox(TEST_MASTER_KEY);
  return rows.map((row) => bodyToSend(secrets, row));
}

/** The link token (`…#token`) of the newest message to `email`. */
export async function linkTokenTo(db: Kysely<Database>, email: string): Promise<string> {
  const [body] = await mailsTo(db, email);
  const token = /#([A-Za-z0-9_-]{20,})/.exec(body ?? '')?.[1];
  if (!token) throw new Error(`no link in the newest message to ${email}`);
  return token;
}
