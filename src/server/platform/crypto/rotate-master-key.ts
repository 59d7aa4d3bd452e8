import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AUDIT_ROOT_FILE, AUDIT_ROOT_PURPOSE, loadAuditRoot } from './audit-root';
import { MASTER_KEY_FILE } from './master-key';
import { SEALED_COLUMNS } from './rotation-repository';
import { secretBox } from './secret-box';

export interface RotationResult {
  /** Values re-sealed, by column. */
  counts: { name: string; count: number }[];
  /** Files written in the data folder (to back up with the database). */
  written: string[];
}

/**
 * Re-seals every value sealed with the master key (file keys, TOTP seeds, webhook secrets,
 * sealed outbox bodies) under `newKey`, in one transaction, without rewriting stored files
 * (design.md §6.6). Every value is opened with the old key before anything is written, so a
 * value the old key cannot open stops the rotation with nothing changed. The new key and the
 * sealed audit root are written next to the database's data (`.next` files) before the commit
 * and moved into place after it, so a crash leaves the new key on disk, never lost.
 */
export async function rotateMasterKey(
  db: Kysely<Database>,
  keys: { old: Buffer; new: Buffer; fromEnv: boolean },
  dataDir: string,
): Promise<RotationResult> {
  if (keys.new.length !== 32) throw new Error('the new master key must be 32 bytes');
  if (keys.new.equals(keys.old)) throw new Error('the new master key is the current one');
  const before = secretBox(keys.old);
  const after = secretBox(keys.new);
  const plan: { column: (typeof SEALED_COLUMNS)[number]; id: string; value: string }[] = [];
  const counts: RotationResult['counts'] = [];
  for (const column of SEALED_COLUMNS) {
    const values = await column.list(db);
    for (const { id, value } of values) {
      let plain: string;
      try {
        plain = before.open(value, column.purpose);
      } catch {
        throw new Error(`${column.name} of ${id} does not open with the current master key`);
      }
      plan.push({ column, id, value: after.seal(plain, column.purpose) });
    }
    counts.push({ name: column.name, count: values.length });
  }
  const root = loadAuditRoot(keys.old, dataDir);
  const keyFile = path.join(dataDir, MASTER_KEY_FILE);
  const rootFile = path.join(dataDir, AUDIT_ROOT_FILE);
  const pending = (file: string) => `${file}.next`;
  writeFileSync(pending(rootFile), after.seal(root.toString('base64'), AUDIT_ROOT_PURPOSE) + '\n', {
    mode: 0o600,
  });
  writeFileSync(pending(keyFile), keys.new.toString('base64') + '\n', { mode: 0o600 });
  await db.transaction().execute(async (trx) => {
    for (const { column, id, value } of plan) await column.set(trx, id, value);
  });
  renameSync(pending(rootFile), rootFile);
  const written = [rootFile];
  if (keys.fromEnv) {
    // The operator moves the key into CUSTOS_MASTER_KEY; the file stays until they remove it.
    written.push(pending(keyFile));
  } else {
    renameSync(pending(keyFile), keyFile);
    written.push(keyFile);
  }
  if (!existsSync(rootFile)) throw new Error(`${rootFile} was not written`);
  return { counts, written };
}
