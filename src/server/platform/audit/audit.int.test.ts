import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dropAuditTriggers, testAuditDeps } from '../../../../test/support/audit';
import { freshDatabases, testDatabaseKind } from '../../../../test/support/database';
import type { Clock } from '../clock';
import { appendAuditEvent, legacyEventHash, type AuditContext } from './append';
import { GENESIS_HASH } from './repository';
import { sealAuditChains } from './trail';
import { verifyChain } from './verify';

const freshDatabase = freshDatabases();
const clock: Clock = { now: () => new Date('2026-05-01T12:00:00.000Z') };
const deps = testAuditDeps(clock);
const keys = deps.auditKeys;
const context: AuditContext = {
  actor: { type: 'user', id: 'u1', label: 'sec@clinic.example' },
  ip: '203.0.113.9',
  userAgent: 'test',
  requestId: 'req-1',
};
const ORG = '0190a6f2-0000-7000-8000-0000000000aa';
const INTACT = { intact: true, problem: null, problems: [] };

async function withEvents(n: number) {
  const database = await freshDatabase();
  const db = database.handle.db;
  for (let i = 0; i < n; i++) {
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, deps, context, {
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
  it('chains events: each carries the link of the one before', async () => {
    const db = await withEvents(3);
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(await verifyChain(db, keys, ORG)).toEqual({ ...INTACT, events: 3 });
    const head = await db.selectFrom('audit_chain_heads').selectAll().executeTakeFirstOrThrow();
    expect(head).toMatchObject({ chain: ORG, seq: 3, hash: rows[2]?.hash, keyed_from: 1 });
  });

  it('is written in the transaction of the change: a rollback leaves no event', async () => {
    const db = await withEvents(1);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, deps, context, { orgId: ORG, action: 'membership.removed' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const count = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    expect((await verifyChain(db, keys, ORG)).intact).toBe(true);
  });

  it('redacts secret fields', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, deps, context, {
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

  it('stores and hashes the same text on both databases, lone surrogates and NUL included', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    await db.transaction().execute((trx) =>
      appendAuditEvent(
        trx,
        deps,
        { ...context, actor: { type: 'anonymous', id: null, label: 'x\ud800y\u0000z' } },
        {
          orgId: null,
          action: 'auth.sign_in_failed',
          changes: { email: { after: '\udc00\u0000' } },
        },
      ),
    );
    const row = await db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
    expect(row.actor_label).toBe('x\ufffdy\ufffdz');
    expect((await verifyChain(db, keys, null)).intact).toBe(true);
  });

  it('is refused UPDATE and DELETE by the database, on events and on chain heads', async () => {
    const db = await withEvents(2);
    await expect(sql`update audit_events set action = 'x'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_chain_heads`.execute(db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(sql`update audit_chain_heads set seq = 1`.execute(db)).rejects.toThrow(
      /only move forward/,
    );
    await expect(sql`update audit_chain_heads set keyed_from = 2`.execute(db)).rejects.toThrow(
      /only move forward/,
    );
  });

  it('reports every altered event, not only the first', async () => {
    const db = await withEvents(5);
    await dropAuditTriggers(db);
    await sql`update audit_events set actor_label = 'someone else' where seq in (2, 4)`.execute(db);
    const result = await verifyChain(db, keys, ORG);
    expect(result.intact).toBe(false);
    expect(result.problems.map((p) => [p.chain, p.seq, p.kind])).toEqual([
      [ORG, 2, 'altered'],
      [ORG, 4, 'altered'],
    ]);
    expect(result.problem?.message).toMatch(/^event #2 \(id [0-9a-f-]{36}\) was altered/);
    expect(result.events).toBe(5);
  });

  it('names a removed event and keeps going', async () => {
    const db = await withEvents(5);
    await dropAuditTriggers(db);
    await sql`delete from audit_events where seq = 2`.execute(db);
    await sql`update audit_events set action = 'x' where seq = 4`.execute(db);
    const result = await verifyChain(db, keys, ORG);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, 'removed'],
      [4, 'altered'],
    ]);
    expect(result.problem?.message).toMatch(/^event #2 is missing/);
  });

  it('notices when the newest events are cut off', async () => {
    const db = await withEvents(3);
    await dropAuditTriggers(db);
    await sql`delete from audit_events where seq = 3`.execute(db);
    expect((await verifyChain(db, keys, ORG)).problem).toMatchObject({
      chain: ORG,
      seq: 3,
      kind: 'removed',
    });
  });

  it('notices an event renumbered into another position', async () => {
    const db = await withEvents(3);
    await dropAuditTriggers(db);
    await sql`delete from audit_events where seq = 2`.execute(db);
    await sql`update audit_events set seq = 2 where seq = 3`.execute(db);
    const problem = (await verifyChain(db, keys, ORG)).problem;
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
            appendAuditEvent(trx, deps, context, { orgId: ORG, action: 'audit.exported' }),
          ),
      ),
    );
    expect(await verifyChain(db, keys, ORG)).toEqual({ ...INTACT, events: 20 });
  });

  it('refuses to start a second chain over one whose head was deleted', async () => {
    const db = await withEvents(2);
    await dropAuditTriggers(db);
    await sql`delete from audit_chain_heads`.execute(db);
    await expect(
      db
        .transaction()
        .execute((trx) =>
          appendAuditEvent(trx, deps, context, { orgId: ORG, action: 'audit.exported' }),
        ),
    ).rejects.toThrow(/chain head of .* is missing/);
  });

  it('keeps events written before chains were keyed, and a rewrite of them still shows', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    // Three events as Custos wrote them before migration 0011: SHA-256 links, an unsealed head.
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const row = {
        id: `0190a6f2-0000-7000-8000-00000000010${seq}`,
        chain: ORG,
        seq,
        org_id: ORG,
        occurred_at: '2025-01-01T00:00:00.000Z',
        actor_type: 'system' as const,
        actor_id: null,
        actor_label: 'legacy',
        action: 'organization.settings_changed' as const,
        entity_type: null,
        entity_id: null,
        changes: null,
        outcome: 'success' as const,
        ip: null,
        user_agent: null,
        request_id: null,
        prev_hash: prev,
      };
      prev = legacyEventHash(row);
      await db
        .insertInto('audit_events')
        .values({ ...row, hash: prev })
        .execute();
    }
    await db
      .insertInto('audit_chain_heads')
      .values({ chain: ORG, seq: 3, hash: prev, keyed_from: null, mac: null })
      .execute();
    expect((await verifyChain(db, keys, ORG)).problem?.message).toMatch(/not sealed/);
    expect(await sealAuditChains(db, keys)).toBe(1);
    for (let i = 0; i < 2; i++) {
      await db
        .transaction()
        .execute((trx) =>
          appendAuditEvent(trx, deps, context, { orgId: ORG, action: 'audit.exported' }),
        );
    }
    expect(await verifyChain(db, keys, ORG)).toEqual({ ...INTACT, events: 5 });
    const head = await db.selectFrom('audit_chain_heads').selectAll().executeTakeFirstOrThrow();
    expect(head.keyed_from).toBe(4);

    // Rewriting a legacy event and its legacy successors breaks the first keyed link.
    await dropAuditTriggers(db);
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    let link = GENESIS_HASH;
    for (const row of rows.slice(0, 3)) {
      // canonicalJson drops undefined members: the link covers every field but the hash.
      const fields = { ...row, hash: undefined, prev_hash: link, actor_label: 'rewritten' };
      link = legacyEventHash(fields);
      await sql`update audit_events set actor_label = 'rewritten', prev_hash = ${fields.prev_hash}, hash = ${link} where id = ${row.id}`.execute(
        db,
      );
    }
    expect((await verifyChain(db, keys, ORG)).problems.map((p) => [p.seq, p.kind])).toEqual([
      [4, 'out_of_order'],
    ]);
  });
});
