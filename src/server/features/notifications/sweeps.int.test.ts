import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { testClock } from '../../../../test/support/factories';
import { seedClinic, testDeps } from '../../../../test/support/tenants';
import { organizationCalendarsUnscoped } from '../../platform/org-calendar';
import { addDays, addMonths } from '../../platform/time';
import { riskAnalysisNotices } from '../risk-assessments/yearly-reminder';
import { riskNotices } from '../risks/reminders';
import { safeguardNotices } from '../safeguards/reminders';
import { sweepEveryOrganization } from './sweep';

const startApp = testApps();

describe(`the reminder sweeps of safeguards, risks and the risk analysis on ${testDatabaseKind()}`, () => {
  it('tell the owner, else the Security Official, once per record and due date', async () => {
    const clock = testClock('2026-06-01T14:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const clinic = await seedClinic(t, clock, 'sweeps');
    const deps = testDeps(t, clock);
    const [org] = (await organizationCalendarsUnscoped(db, clock)).filter(
      (o) => o.orgId === clinic.orgId,
    );
    if (!org?.securityOfficialId) throw new Error('the demo clinic has a Security Official');
    const today = org.today;
    // One record of each kind falls due soon; nothing else does.
    await db
      .updateTable('safeguards')
      .set({ next_review_on: null })
      .where('org_id', '=', org.orgId)
      .execute();
    const safeguard = await db
      .selectFrom('safeguards')
      .select('requirement_id')
      .where('org_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('safeguards')
      .set({ next_review_on: addDays(today, 5), owner_id: null })
      .where('org_id', '=', org.orgId)
      .where('requirement_id', '=', safeguard.requirement_id)
      .execute();
    await db
      .updateTable('risks')
      .set({ acceptance_expires_on: null, next_review_on: null })
      .where('org_id', '=', org.orgId)
      .execute();
    const risk = await db
      .selectFrom('risks')
      .select(['id', 'owner_id'])
      .where('org_id', '=', org.orgId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('risks')
      .set({ acceptance_expires_on: addDays(today, 20), next_review_on: addDays(today, 3) })
      .where('id', '=', risk.id)
      .execute();
    const approved = await db
      .selectFrom('risk_assessments')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('status', '=', 'approved')
      .execute();
    await db
      .updateTable('risk_assessments')
      .set({ approved_at: new Date(`${addMonths(today, -12)}T12:00:00.000Z`).toISOString() })
      .where('org_id', '=', org.orgId)
      .where('status', '=', 'approved')
      .execute();

    const sweep = async () => {
      let sent = 0;
      for (const noticesOf of [safeguardNotices, riskNotices, riskAnalysisNotices]) {
        sent += await sweepEveryOrganization(deps, noticesOf);
      }
      return sent;
    };
    expect(approved.length).toBeGreaterThan(0);
    expect(await sweep()).toBe(4);
    expect(await sweep()).toBe(0);
    const notices = await db
      .selectFrom('notifications')
      .select(['kind', 'user_id', 'record_id'])
      .where('org_id', '=', org.orgId)
      .where('kind', 'in', [
        'safeguard.review_due',
        'risk.acceptance_expiring',
        'risk.review_due',
        'risk_analysis.due',
      ])
      .execute();
    const to = (kind: string) => notices.filter((n) => n.kind === kind).map((n) => n.user_id);
    expect(to('safeguard.review_due')).toEqual([org.securityOfficialId]);
    expect(to('risk.acceptance_expiring')).toEqual([risk.owner_id ?? org.securityOfficialId]);
    expect(to('risk.review_due')).toEqual([risk.owner_id ?? org.securityOfficialId]);
    expect(to('risk_analysis.due')).toEqual([org.securityOfficialId]);
    // A new review date is a new reminder.
    await db
      .updateTable('risks')
      .set({ next_review_on: addDays(today, 4) })
      .where('id', '=', risk.id)
      .execute();
    expect(await sweep()).toBe(1);
  });
});
