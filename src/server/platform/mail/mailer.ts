import nodemailer from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secret-box';
import { PermanentJobError } from '../jobs/permanent-error';
import type { JobKind, Jobs } from '../jobs/types';
import { findOutboxMessage, insertOutboxMessage, markFailed, markSent } from './repository';
import { bodyToSend, storedBody } from './sealed-body';

export interface OutgoingMail {
  /** The organization the message concerns; its owners can read it in the outbox. */
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
  /** An HTML part beside the text (notification emails); plain text alone when absent. */
  html?: string;
  /**
   * The body carries a link only the recipient may use (a password reset): it is stored sealed,
   * opened only to send it, and the outbox never shows it (164.312(d): the link authenticates
   * whoever holds it, so only the person may hold it).
   */
  sealed?: boolean;
}

// The organization, so that its owners see the job (JobFilter.orgId); null for mail of no organization.
const SendPayload = z.object({ outboxId: z.string(), orgId: z.string().nullable() });

export interface Mailer {
  /** True when SMTP_URL is set; otherwise messages stay in the in-app outbox. */
  readonly smtp: boolean;
  /**
   * Records a message in the caller's transaction and, with SMTP, a `mail.send` job for it: nothing
   * is sent before that commits, and a failed send is retried by the jobs runner.
   */
  queue(
    trx: Transaction<Database>,
    deps: { clock: Clock; jobs: Jobs },
    mail: OutgoingMail,
  ): Promise<void>;
  /** The job that sends one outbox message (the app defines it on its runner). */
  readonly sendJob: JobKind<z.infer<typeof SendPayload>>;
}

/** The SMTP reply code nodemailer attaches to a refusal (`responseCode`); 0 when there is none. */
function smtpReplyCode(error: unknown): number {
  return error instanceof Error && 'responseCode' in error && typeof error.responseCode === 'number'
    ? error.responseCode
    : 0;
}

/** A mailer sending through `smtpUrl` (nodemailer), or keeping mail in the outbox when null. */
export function createMailer(smtpUrl: string | null, from: string, secrets: SecretBox): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    smtp: transport !== null,
    async queue(trx, deps, mail) {
      const id = uuidv7();
      await insertOutboxMessage(trx, {
        id,
        org_id: mail.orgId,
        to_email: mail.to,
        subject: mail.subject,
        body_text: storedBody(secrets, mail.text, mail.sealed === true),
        // Never sealed: the HTML part is for notifications, which carry no secret link.
        body_html: mail.html ?? null,
        sealed: mail.sealed === true ? 1 : 0,
        created_at: deps.clock.now().toISOString(),
        claimed_at: null,
        sent_at: null,
        error: null,
      });
      if (transport) {
        await deps.jobs.enqueueIn(trx, 'mail.send', { outboxId: id, orgId: mail.orgId });
      }
    },
    sendJob: {
      name: 'mail.send',
      label: 'Sending email',
      // About a day of retries: 30 s doubling, eleven times.
      retryLimit: 11,
      parse: (data) => SendPayload.parse(data),
      async run({ outboxId }, { db, clock }) {
        const message = await findOutboxMessage(db, outboxId);
        // Sent already (a retry after the send but before its record): never twice.
        if (!transport || !message || message.sent_at) {
          return;
        }
        try {
          await transport.sendMail({
            from,
            to: message.to_email,
            subject: message.subject,
            text: bodyToSend(secrets, message),
            ...(message.body_html === null ? {} : { html: message.body_html }),
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : 'send failed';
          await markFailed(db, message.id, reason);
          // A 5xx answer (550: no such mailbox) is the server's last word: retrying for a day
          // would only repeat it. 4xx answers (greylisting, a full mailbox) stay retried.
          if (smtpReplyCode(error) >= 500) {
            throw new PermanentJobError(`The mail server refused the message: ${reason}`);
          }
          throw error;
        }
        await markSent(db, message.id, clock.now().toISOString());
      },
    },
  };
}
