import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { watchTransactions } from '../../../../test/support/transactions';
import type * as ReportModule from './report/report';

// The report renderer, wrapped: it logs its start and end next to the transactions, and runs the
// test's `during` while "rendering", as another user's request would arrive meanwhile.
const hooks = vi.hoisted(() => ({
  events: [] as string[],
  during: undefined as undefined | ((render: number) => Promise<void>),
  renders: 0,
}));
vi.mock('./report/report', async (importOriginal) => {
  const actual = await importOriginal<typeof ReportModule>();
  return {
    ...actual,
    renderReport: async (input: ReportModule.ReportInput) => {
      hooks.renders++;
      hooks.events.push('render:start');
      await hooks.during?.(hooks.renders);
      const pdf = await actual.renderReport(input);
      hooks.events.push('render:end');
      return pdf;
    },
  };
});

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const call = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: officer.headers,
      ...(payload ? { payload } : {}),
    });
  const risk = (
    await call('POST', '/risks', {
      title: 'Lost tablet',
      likelihood: 3,
      impact: 4,
      ratingRationale: 'x',
      // Complete: rated, treated and owned, so the steps need no acknowledgement.
      treatment: 'mitigate',
      ownerId: officer.user.id,
    })
  ).json<{ id: string }>();
  const ra = (await call('POST', '/risk-assessments', {})).json<{ id: string }>();
  const url = `/risk-assessments/${ra.id}`;
  const submitted = await call('POST', `${url}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  hooks.events.length = 0;
  hooks.renders = 0;
  hooks.during = undefined;
  const spy = watchTransactions(db, hooks.events);
  /** Whether a write transaction is open right now (per the log). */
  const inTransaction = () =>
    hooks.events.filter((e) => e === 'transaction:start').length >
    hooks.events.filter((e) => e === 'transaction:end').length;
  return { db, org, call, risk, ra, url, spy, inTransaction };
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(`approval outside the write transaction on ${testDatabaseKind()}`, () => {
  it('renders the report before the transaction, while other requests are served', async () => {
    const { call, url, inTransaction } = await setUp();
    let served: number | undefined;
    hooks.during = async () => {
      // Never wait on the database from inside a transaction (on SQLite that would deadlock).
      if (inTransaction()) return;
      served = (await call('GET', '/tasks')).statusCode;
    };
    const approved = await call('POST', `${url}/approve`, { note: 'Reviewed' });
    expect(approved.statusCode).toBe(200);
    expect(served).toBe(200);
    expect(hooks.events).toEqual([
      'render:start',
      'render:end',
      'transaction:start',
      'transaction:end',
    ]);
    const record = approved.json<{ report: { sha256: string } }>();
    const pdf = await call('GET', `${url}/report.pdf`);
    expect(sha(pdf.rawPayload)).toBe(record.report.sha256);
  });

  it('a register changed during the rendering is caught inside the transaction and drawn again', async () => {
    const { call, url, risk, ra, db, inTransaction } = await setUp();
    hooks.during = async (render) => {
      if (render === 1 && !inTransaction()) {
        expect((await call('PATCH', `/risks/${risk.id}`, { likelihood: 1 })).statusCode).toBe(200);
      }
    };
    const approved = await call('POST', `${url}/approve`, {});
    expect(approved.statusCode).toBe(200);
    expect(hooks.renders).toBe(2);
    // The stored snapshot has the change, and the stored report is the one drawn from it.
    const stored = await db
      .selectFrom('risk_assessments')
      .select('snapshot')
      .where('id', '=', ra.id)
      .executeTakeFirstOrThrow();
    const snapshot = JSON.parse(stored.snapshot ?? '{}') as {
      risks: { likelihood: { index: number } | null }[];
    };
    expect(snapshot.risks[0]?.likelihood?.index).toBe(1);
    const pdf = await call('GET', `${url}/report.pdf`);
    expect(sha(pdf.rawPayload)).toBe(approved.json<{ report: { sha256: string } }>().report.sha256);
  });

  it('answers 409 and writes nothing when the register changes during both renderings', async () => {
    const { call, url, risk, db, org, inTransaction } = await setUp();
    hooks.during = async (render) => {
      if (!inTransaction()) await call('PATCH', `/risks/${risk.id}`, { likelihood: render });
    };
    const refused = await call('POST', `${url}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /changed twice while the report was being prepared; nothing was approved/,
    );
    expect((await call('GET', url)).json()).toMatchObject({ status: 'in_review', report: null });
    const approvals = await db
      .selectFrom('audit_events')
      .select('id')
      .where('org_id', '=', org.id)
      .where('action', '=', 'risk_assessment.approved')
      .execute();
    expect(approvals).toHaveLength(0);
  });

  it('answers 409 when the assessment goes back to draft during the rendering', async () => {
    const { call, url, inTransaction } = await setUp();
    hooks.during = async () => {
      if (!inTransaction()) expect((await call('POST', `${url}/return`)).statusCode).toBe(200);
    };
    const refused = await call('POST', `${url}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /must be submitted for review before approval/,
    );
    expect((await call('GET', url)).json()).toMatchObject({ status: 'draft', report: null });
  });
});
