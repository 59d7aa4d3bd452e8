import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 26–50 ms here).
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | undefined;

async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    // About 49,000 of the most used passwords (MIT), bundled with the package; loaded on first use.
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return common;
}

/** NFKC, as NIST SP 800-63B asks, so the same passphrase typed on any keyboard matches. */
const normalize = (password: string) => password.normalize('NFKC');

/**
 * NIST SP 800-63B §3.1.1.2: at least 12 characters, no composition rules, long passphrases
 * welcome, refused when it is a commonly used or breached password or built from the account
 * itself. Returns why the password is refused, or null when it is acceptable.
 */
export async function passwordProblem(
  password: string,
  context: { email: string; name?: string },
): Promise<string | null> {
  const p = normalize(password);
  // NIST counts each Unicode code point as one character.
  if (Array.from(p).length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters; a passphrase of several words is easiest to remember`;
  }
  const lower = p.toLowerCase();
  if ((await commonPasswords()).has(lower)) {
    return 'is one of the most commonly used passwords, which attackers try first; choose another';
  }
  if (new Set(lower).size <= 2) {
    return 'repeats too few characters; choose a phrase of several words';
  }
  if (isSequence(lower)) {
    return 'is a simple sequence of characters; choose a phrase of several words';
  }
  if (builtFromAccount(lower, context)) {
    return 'is built from your name, your email address or the product name; choose another';
  }
  return null;
}

/** "123456789012", "abcdefghijkl", "987654321098": each character one step from the last. */
function isSequence(text: string): boolean {
  const codes = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const step = (a: number, b: number) =>
    a === 0x39 && b === 0x30 ? 1 : a === 0x30 && b === 0x39 ? -1 : b - a;
  const first = step(codes[0] ?? 0, codes[1] ?? 0);
  return (
    (first === 1 || first === -1) &&
    codes.every((c, i) => i === 0 || step(codes[i - 1] ?? 0, c) === first)
  );
}

/**
 * True when the password's letters are nothing but words of the account (email parts, name) and
 * the product name, in any order: "dana@riverside" for dana@riverside.example.
 */
function builtFromAccount(lower: string, context: { email: string; name?: string }): boolean {
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) {
    return false;
  }
  const words = `${context.email} ${context.name ?? ''} custos`
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3);
  // reachable[i]: the first i letters are a concatenation of account words.
  const reachable = [true, ...Array<boolean>(letters.length).fill(false)];
  for (let i = 0; i < letters.length; i++) {
    if (reachable[i]) {
      for (const word of words) {
        if (letters.startsWith(word, i)) {
          reachable[i + word.length] = true;
        }
      }
    }
  }
  return reachable[letters.length] === true;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, normalize(password));
}

let dummy: Promise<string> | undefined;

/** Verifies against a throwaway hash, so an unknown email takes as long as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('custos-timing-equaliser-password');
  await verify(await dummy, normalize(password));
}
