import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { secretBox } from './secret-box';

export const AUDIT_ROOT_FILE = 'audit-root.sealed';
export const AUDIT_ROOT_PURPOSE = 'audit-root';

/**
 * The key the audit trail's keys derive from (audit/keys.ts). Before any rotation it is the master
 * key itself. Links already written cannot be re-keyed (the trail is append-only, 164.312(c)(1)),
 * so `custos keys rotate` keeps the first master key as the audit root, sealed under the new
 * master key in `<data dir>/audit-root.sealed`: still never in the database, and useless without
 * the current master key.
 */
export function loadAuditRoot(masterKey: Buffer, dataDir: string): Buffer {
  const file = path.join(dataDir, AUDIT_ROOT_FILE);
  if (!existsSync(file)) return masterKey;
  const root = Buffer.from(
    secretBox(masterKey).open(readFileSync(file, 'utf8').trim(), AUDIT_ROOT_PURPOSE),
    'base64',
  );
  if (root.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return root;
}
