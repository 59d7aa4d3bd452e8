import nodemailer from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secret-box';
import { claimUnsent, insertOutboxMessage, markFailed, markSent } from './repository';
import { bodyToSend, storedBody } from './sealed-body';

const BATCH = 50;

export interface OutgoingMail {
  /** The organization the message concerns; its owners can read it in the outbox. */
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
  /**
   * The body carries a link only the recipient may use (a password reset): it is stored sealed,
   * opened only to send it, and the outbox never shows it (164.312(d): the link authenticates
   * whoever holds it, so only the person may hold it).
   */
  sealed?: boolean;
}

export interface Mailer {
  /** True when SMTP_URL is set; otherwise messages stay in the in-app outbox. */
  readonly smtp: boolean;
  /** Records a message in the caller's transaction; nothing is sent before that commits. */
  queue(trx: Transaction<Database>, clock: Clock, mail: OutgoingMail): Promise<void>;
  /** Sends queued messages over SMTP (no-op without SMTP). Never throws: failures stay queued. */
  flush(db: Kysely<Database>, clock: Clock): Promise<number>;
}

/** A mailer sending through `smtpUrl` (nodemailer), or keeping mail in the outbox when null. */
export function createMailer(
  smtpUrl: string | null,
  from: string,
  onError: (error: unknown) => void,
  secrets: SecretBox,
): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    smtp: transport !== null,
    async queue(trx, clock, mail) {
      await insertOutboxMessage(trx, {
        id: uuidv7(),
        org_id: mail.orgId,
        to_email: mail.to,
        subject: mail.subject,
        body_text: storedBody(secrets, mail.text, mail.sealed === true),
        sealed: mail.sealed === true ? 1 : 0,
        created_at: clock.now().toISOString(),
        claimed_at: null,
        sent_at: null,
        error: null,
      });
    },
    async flush(db, clock) {
      if (!transport) {
        return 0;
      }
      let sent = 0;
      for (const message of await claimUnsent(db, clock.now().toISOString(), BATCH)) {
        try {
          await transport.sendMail({
            from,
            to: message.to_email,
            subject: message.subject,
            text: bodyToSend(secrets, message),
          });
          await markSent(db, message.id, clock.now().toISOString());
          sent += 1;
        } catch (error) {
          onError(error);
          await markFailed(
            db,
            message.id,
            error instanceof Error ? error.message.slice(0, 500) : 'send failed',
          );
        }
      }
      return sent;
    },
  };
}
