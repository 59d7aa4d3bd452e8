import nodemailer from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import { claimUnsent, insertOutboxMessage, markFailed, markSent } from './repository';

const BATCH = 50;

export interface OutgoingMail {
  /** The organization the message concerns; its owners can read it in the outbox. */
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
  /** An HTML part beside the text (notification emails); plain text alone when absent. */
  html?: string;
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
        body_text: mail.text,
        body_html: mail.html ?? null,
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
            text: message.body_text,
            ...(message.body_html === null ? {} : { html: message.body_html }),
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
