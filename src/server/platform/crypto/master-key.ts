import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MASTER_KEY_FILE = 'master.key';

/**
 * The master key: CUSTOS_MASTER_KEY when set (validated by the configuration), otherwise
 * `master.key` in the data directory, created on first start with owner-only permissions.
 * Without it, encrypted secrets (TOTP seeds) cannot be read: back it up with the database.
 */
export function loadMasterKey(
  fromEnv: Buffer | null,
  dataDir: string,
): { key: Buffer; created: boolean; source: string } {
  if (fromEnv) {
    return { key: fromEnv, created: false, source: 'CUSTOS_MASTER_KEY' };
  }
  const file = path.join(dataDir, MASTER_KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) {
      throw new Error(`${file} does not hold a 32-byte base64 key`);
    }
    return { key, created: false, source: file };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, created: true, source: file };
}
