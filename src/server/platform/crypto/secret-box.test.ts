import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretBox } from './secret-box';

const box = secretBox(randomBytes(32));

describe('secretBox', () => {
  it('opens what it sealed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ minLength: 1 }), (plain, purpose) => {
        expect(box.open(box.seal(plain, purpose), purpose)).toBe(plain);
      }),
    );
  });

  it('never stores the plain text and differs every time', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP', 'totp');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'totp')).not.toBe(a);
  });

  it('refuses another purpose, another key, or a changed byte', () => {
    const sealed = box.seal('secret', 'totp');
    expect(() => box.open(sealed, 'other')).toThrow();
    expect(() => secretBox(randomBytes(32)).open(sealed, 'totp')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[2] = body.toString('base64url');
    expect(() => box.open(parts.join('.'), 'totp')).toThrow();
  });
});
