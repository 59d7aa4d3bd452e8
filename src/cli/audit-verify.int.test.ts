import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dropAuditTriggers, testAuditDeps } from '../../test/support/audit';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases } from '../../test/support/database';
import { appendAuditEvent } from '../server/platform/audit/append';
import { systemClock } from '../server/platform/clock';

const freshDatabase = freshDatabases();
const ORG_A = '0190a6f2-0000-7000-8000-00000000000a';
const ORG_B = '0190a6f2-0000-7000-8000-00000000000b';

async function seeded() {
  const database = await freshDatabase();
  const context = {
    actor: { type: 'system' as const, id: null, label: 'test' },
    ip: null,
    userAgent: null,
    requestId: null,
  };
  for (const orgId of [ORG_A, ORG_B, ORG_A, null]) {
    await database.handle.db.transaction().execute((trx) =>
      appendAuditEvent(trx, testAuditDeps(systemClock), context, {
        orgId,
        action: 'organization.settings_changed',
      }),
    );
  }
  return database;
}

describe('custos audit verify', () => {
  it('exits 0 when every trail is intact', async () => {
    const database = await seeded();
    const run = await cli(['audit', 'verify'], envFor(database.target));
    expect(run.err).toEqual([]);
    expect(run.result).toBe(0);
    expect(run.out).toEqual(['Audit trail intact: 4 events verified in 3 trails.']);
  });

  it('exits 1 naming the altered event and its organization', async () => {
    const database = await seeded();
    await dropAuditTriggers(database.handle.db);
    const { id } = await database.handle.db
      .selectFrom('audit_events')
      .select('id')
      .where('org_id', '=', ORG_A)
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    await sql`update audit_events set action = 'access.denied' where id = ${id}`.execute(
      database.handle.db,
    );
    const run = await cli(['audit', 'verify'], envFor(database.target));
    expect(run.result).toBe(1);
    expect(run.err).toEqual([
      `custos: audit trail broken in organization ${ORG_A}: event #2 (id ${id}) was altered after it was written`,
      'custos: 1 problem found in 4 events.',
    ]);
    const other = await cli(['audit', 'verify', '--org', ORG_B], envFor(database.target));
    expect(other.result).toBe(0);
  });

  it('exits 1 naming a deleted event', async () => {
    const database = await seeded();
    await dropAuditTriggers(database.handle.db);
    await sql`delete from audit_events where org_id = ${ORG_A} and seq = 1`.execute(
      database.handle.db,
    );
    const run = await cli(['audit', 'verify', '--org', ORG_A], envFor(database.target));
    expect(run.result).toBe(1);
    expect(run.err[0]).toMatch(/event #1 is missing/);
  });
});
