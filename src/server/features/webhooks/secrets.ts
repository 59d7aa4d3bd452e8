import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SecretBox } from '../../platform/crypto/secret-box';
import type { WebhookEndpointsTable } from './tables';

// The secret box's purpose for signing secrets: its own derived key (164.312(a)(2)(iv)).
const PURPOSE = 'webhook-signing-secret';

/** How long the secret before a rotation still signs: receivers get a day to switch. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export const sealSecret = (box: SecretBox, secret: string): string => box.seal(secret, PURPOSE);

/**
 * The secrets that sign a delivery now: the current one, and the previous one during its grace
 * period (the specification allows several signatures, space-separated, in webhook-signature).
 */
export function signingSecrets(
  box: SecretBox,
  endpoint: Pick<
    WebhookEndpointsTable,
    'secret_sealed' | 'previous_secret_sealed' | 'previous_secret_expires_at'
  >,
  now: Date,
): string[] {
  const current = box.open(endpoint.secret_sealed, PURPOSE);
  const previous =
    endpoint.previous_secret_sealed !== null &&
    endpoint.previous_secret_expires_at !== null &&
    Date.parse(endpoint.previous_secret_expires_at) > now.getTime()
      ? box.open(endpoint.previous_secret_sealed, PURPOSE)
      : null;
  return previous === null ? [current] : [current, previous];
}

/** The Standard Webhooks headers of one message: id, timestamp and every signature. */
export function signedHeaders(
  secrets: readonly string[],
  messageId: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(messageId, at, body)).join(' '),
  };
}
