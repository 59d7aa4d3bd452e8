import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dropAuditTriggers, testAuditDeps } from '../../test/support/audit';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases, testDatabaseKind, type TestDatabase } from '../../test/support/database';
import type { Database } from '../server/db/schema';
import { appendAuditEvent, legacyEventHash } from '../server/platform/audit/append';
import { systemClock } from '../server/platform/clock';

// 164.312(c)(1): tampering as someone with write access to the database but not to the master key.
// Each case takes a checkpoint first and keeps its export outside the database, as an auditor would.

const freshDatabase = freshDatabases();
const ORG = '0190a6f2-0000-7000-8000-0000000000c1';
const OTHER = '0190a6f2-0000-7000-8000-0000000000c2';
const context = {
  actor: { type: 'system' as const, id: null, label: 'test' },
  ip: null,
  userAgent: null,
  requestId: null,
};

async function append(db: Kysely<Database>, orgId: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, testAuditDeps(systemClock), context, {
        orgId,
        action: 'organization.settings_changed',
        changes: { idle_timeout_minutes: { after: 10 + i } },
      }),
    );
  }
}

/** Ten events in ORG, two in OTHER, a checkpoint exported to a file; then the attacker's turn. */
async function checkpointed(): Promise<{
  database: TestDatabase;
  db: Kysely<Database>;
  env: NodeJS.ProcessEnv;
  file: string;
}> {
  const database = await freshDatabase();
  const db = database.handle.db;
  await append(db, ORG, 10);
  await append(db, OTHER, 2);
  const env = envFor(database.target);
  const exported = await cli(['audit', 'checkpoint', '--export'], env);
  expect(exported.result).toBe(0);
  const file = path.join(env.CUSTOS_DATA_DIR ?? '', 'checkpoints.json');
  writeFileSync(file, exported.out.join('\n'));
  expect((await cli(['audit', 'verify', '--checkpoints', file], env)).result).toBe(0);
  await dropAuditTriggers(db);
  return { database, db, env, file };
}

async function verify(env: NodeJS.ProcessEnv, file?: string) {
  const run = await cli(['audit', 'verify', ...(file ? ['--checkpoints', file] : [])], env);
  expect(run.result).toBe(1);
  return run.err.join('\n');
}

const inOrg = `custos: audit trail broken in organization ${ORG}:`;

describe(`tampering with the audit trail on ${testDatabaseKind()}`, () => {
  it('a deleted chain head is reported, and the other organization stays intact', async () => {
    const { db, env, file } = await checkpointed();
    await sql`delete from audit_chain_heads where chain = ${ORG}`.execute(db);
    const err = await verify(env, file);
    expect(err).toContain(`${inOrg} the chain head is missing (the trail holds events up to #10)`);
    expect(err).not.toContain(OTHER);
  });

  it('the last events cut off with the head left alone are reported', async () => {
    const { db, env } = await checkpointed();
    await sql`delete from audit_events where chain = ${ORG} and seq > 7`.execute(db);
    expect(await verify(env)).toContain(
      `${inOrg} events #8–#10 are missing (the trail ends at #7, #10 was written)`,
    );
  });

  it('the last events cut off with the head deleted too are reported, and the checkpoint names them', async () => {
    const { db, env, file } = await checkpointed();
    await sql`delete from audit_events where chain = ${ORG} and seq > 7`.execute(db);
    await sql`delete from audit_chain_heads where chain = ${ORG}`.execute(db);
    // Even the stored checkpoints are wiped: the exported file still tells.
    await sql`delete from audit_checkpoints`.execute(db);
    const err = await verify(env, file);
    expect(err).toContain(`${inOrg} the chain head is missing (the trail holds events up to #7)`);
    expect(err).toMatch(
      new RegExp(`${inOrg} event #10, covered by the checkpoint of .*, is missing`),
    );
    expect(err).toMatch(/the checkpoint of .* is in the file but no longer in the database/);
  });

  it('the last events cut off with the head moved back to the new end are reported', async () => {
    const { db, env, file } = await checkpointed();
    const seven = await db
      .selectFrom('audit_events')
      .select('hash')
      .where('chain', '=', ORG)
      .where('seq', '=', 7)
      .executeTakeFirstOrThrow();
    await sql`delete from audit_events where chain = ${ORG} and seq > 7`.execute(db);
    await sql`update audit_chain_heads set seq = 7, hash = ${seven.hash} where chain = ${ORG}`.execute(
      db,
    );
    const err = await verify(env, file);
    expect(err).toContain(`${inOrg} the chain head (#7) was altered: its MAC does not match`);
    expect(err).toMatch(/event #10, covered by the checkpoint of .*, is missing/);
  });

  it('an event rewritten with every later link and the head recomputed is reported, naming the event', async () => {
    const { db, env, file } = await checkpointed();
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain', '=', ORG)
      .orderBy('seq')
      .execute();
    // The attacker rewrites event #4 and re-links #4–#10 with SHA-256, the best they can do without the key.
    let prev = rows[2]?.hash ?? '';
    for (const row of rows.slice(3)) {
      const changed = {
        ...row,
        prev_hash: prev,
        actor_label: row.seq === 4 ? 'an innocent admin' : row.actor_label,
      };
      const hash = legacyEventHash({ ...changed, hash: undefined } as Parameters<
        typeof legacyEventHash
      >[0]);
      await sql`update audit_events set actor_label = ${changed.actor_label}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`.execute(
        db,
      );
      prev = hash;
    }
    await sql`update audit_chain_heads set hash = ${prev} where chain = ${ORG}`.execute(db);
    const err = await verify(env, file);
    expect(err).toContain(
      `${inOrg} event #4 (id ${rows[3]?.id}) was re-linked without this installation's key`,
    );
    expect(err).toContain(
      `${inOrg} event #10 (id ${rows[9]?.id}) was re-linked without this installation's key`,
    );
    expect(err).toContain(`${inOrg} the chain head (#10) was altered: its MAC does not match`);
    expect(err).toMatch(
      new RegExp(`event #10 \\(id ${rows[9]?.id}\\) differs from the checkpoint of`),
    );
  });

  it('a checkpoint file whose signature is forged is reported', async () => {
    const { env, file } = await checkpointed();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8').replace(/"seq": 10/, '"seq": 9');
    writeFileSync(file, text);
    expect(await verify(env, file)).toMatch(
      /the checkpoint of .* is not signed by this installation's key/,
    );
  });
});
