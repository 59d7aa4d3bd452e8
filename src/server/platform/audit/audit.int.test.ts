import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dropAuditTriggers } from '../../../../test/support/audit';
import { freshDatabases, testDatabaseKind } from '../../../../test/support/database';
import type { Clock } from '../clock';
import { appendAuditEvent, type AuditContext } from './append';
import { verifyChain } from './verify';

const freshDatabase = freshDatabases();
const clock: Clock = { now: () => new Date('2026-05-01T12:00:00.000Z') };
const context: AuditContext = {
  actor: { type: 'user', id: 'u1', label: 'sec@clinic.example' },
  ip: '203.0.113.9',
  userAgent: 'test',
  requestId: 'req-1',
};
const ORG = '0190a6f2-0000-7000-8000-0000000000aa';

async function withEvents(n: number) {
  const database = await freshDatabase();
  const db = database.handle.db;
  for (let i = 0; i < n; i++) {
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, clock, context, {
        orgId: ORG,
        action: 'organization.settings_changed',
        entity: { type: 'organization', id: ORG },
        changes: { idle_timeout_minutes: { before: 15 + i, after: 16 + i } },
      }),
    );
  }
  return db;
}

describe(`audit trail on ${testDatabaseKind()}`, () => {
  it('chains events: each carries the hash of the one before', async () => {
    const db = await withEvents(3);
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(await verifyChain(db, ORG)).toEqual({ intact: true, events: 3, problem: null });
  });

  it('is written in the transaction of the change: a rollback leaves no event', async () => {
    const db = await withEvents(1);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, clock, context, { orgId: ORG, action: 'membership.removed' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const count = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    expect((await verifyChain(db, ORG)).intact).toBe(true);
  });

  it('redacts secret fields', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, clock, context, {
        orgId: null,
        action: 'user.password_changed',
        changes: {
          password: { before: 'old-secret-value', after: 'new-secret-value' },
          name: { after: 'Ann' },
        },
      }),
    );
    const row = await db.selectFrom('audit_events').select('changes').executeTakeFirstOrThrow();
    expect(row.changes).toBe(
      '{"name":{"after":"Ann"},"password":{"after":"[redacted]","before":"[redacted]"}}',
    );
  });

  it('is refused UPDATE and DELETE by the database', async () => {
    const db = await withEvents(1);
    await expect(sql`update audit_events set action = 'x'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('names an event altered directly in the database', async () => {
    const db = await withEvents(4);
    await dropAuditTriggers(db);
    await sql`update audit_events set actor_label = 'someone else' where seq = 2`.execute(db);
    const result = await verifyChain(db, ORG);
    expect(result.intact).toBe(false);
    expect(result.problem).toMatchObject({ seq: 2, kind: 'altered' });
    expect(result.problem?.message).toMatch(/^event #2 \(id [0-9a-f-]{36}\) was altered/);
  });

  it('names a removed event', async () => {
    const db = await withEvents(4);
    await dropAuditTriggers(db);
    await sql`delete from audit_events where seq = 3`.execute(db);
    expect((await verifyChain(db, ORG)).problem).toMatchObject({ seq: 4, kind: 'removed' });
    expect((await verifyChain(db, ORG)).problem?.message).toMatch(/^event #3 is missing/);
  });

  it('notices when the newest events are cut off', async () => {
    const db = await withEvents(3);
    await dropAuditTriggers(db);
    await sql`delete from audit_events where seq = 3`.execute(db);
    expect((await verifyChain(db, ORG)).problem).toMatchObject({ seq: 3, kind: 'removed' });
  });

  it('notices an event renumbered into another position', async () => {
    const db = await withEvents(3);
    await dropAuditTriggers(db);
    await sql`delete from audit_events where seq = 2`.execute(db);
    await sql`update audit_events set seq = 2 where seq = 3`.execute(db);
    const problem = (await verifyChain(db, ORG)).problem;
    expect(problem?.seq).toBe(2);
    expect(problem?.kind).toBe('altered');
  });

  it('keeps one unforked chain under concurrent writers', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db
          .transaction()
          .execute((trx) =>
            appendAuditEvent(trx, clock, context, { orgId: ORG, action: 'audit.exported' }),
          ),
      ),
    );
    expect(await verifyChain(db, ORG)).toEqual({ intact: true, events: 20, problem: null });
  });
});
