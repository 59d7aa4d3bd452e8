import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';

/**
 * Keys of the audit trail, all derived from the master key (which never lives in the database):
 * one HMAC key for event links, one for chain heads, and an Ed25519 key pair that signs
 * checkpoints, so that anyone holding only the public key can check an exported checkpoint.
 * 164.312(c)(1): someone who can write the database but lacks the master key cannot rewrite an
 * event and recompute the later links.
 */
export interface AuditKeys {
  /** HMAC-SHA256 (hex) of `text` under the event-link key. */
  linkMac(text: string): string;
  /** HMAC-SHA256 (hex) of `text` under the chain-head key. */
  headMac(text: string): string;
  checkpointPrivateKey: KeyObject;
  /** The checkpoint public key as SPKI PEM, printed with exports. */
  checkpointPublicKeyPem: string;
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const derive = (masterKey: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', masterKey, 'custos', `custos:${purpose}`, 32));

/** Derives the audit keys from the 32-byte master key. */
export function auditKeysFrom(masterKey: Buffer): AuditKeys {
  if (masterKey.length !== 32) {
    throw new Error('the master key must be 32 bytes');
  }
  const linkKey = derive(masterKey, 'audit-link');
  const headKey = derive(masterKey, 'audit-head');
  const seed = derive(masterKey, 'audit-checkpoint');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    linkMac: (text) => createHmac('sha256', linkKey).update(text, 'utf8').digest('hex'),
    headMac: (text) => createHmac('sha256', headKey).update(text, 'utf8').digest('hex'),
    checkpointPrivateKey: privateKey,
    checkpointPublicKeyPem: createPublicKey(privateKey)
      .export({ format: 'pem', type: 'spki' })
      .toString(),
  };
}
