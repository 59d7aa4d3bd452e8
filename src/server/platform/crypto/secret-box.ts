import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts small secrets (TOTP seeds) for storage; each purpose gets its own derived key. */
export interface SecretBox {
  seal(plain: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
}

const VERSION = 'v1';

/**
 * AES-256-GCM with a key derived from the master key by HKDF-SHA256 per purpose, a random 96-bit
 * nonce per value, and the purpose as associated data (design.md §6.6; 164.312(a)(2)(iv)).
 * Stored form: `v1.<nonce>.<ciphertext>.<tag>`, base64url.
 */
export function secretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== 32) {
    throw new Error('the master key must be 32 bytes');
  }
  const keyFor = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', masterKey, 'custos', `custos:${purpose}`, 32));
  return {
    seal(plain, purpose) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), nonce);
      cipher.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, nonce, body, cipher.getAuthTag()]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, purpose) {
      const [version, nonce, body, tag] = sealed.split('.');
      if (version !== VERSION || !nonce || body === undefined || !tag) {
        throw new Error('not a sealed value');
      }
      const decipher = createDecipheriv(
        'aes-256-gcm',
        keyFor(purpose),
        Buffer.from(nonce, 'base64url'),
      );
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
