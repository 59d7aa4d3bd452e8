import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { packageRoot } from '../../platform/package-info';

const startApp = testApps();

// The catalog read straight from the content file, so that expected figures do not come from
// the code under test.
const requirements = (
  JSON.parse(
    readFileSync(path.join(packageRoot(), 'content', 'catalog', 'security-rule.json'), 'utf8'),
  ) as {
    requirements: {
      id: string;
      kind: string;
      parent: string | null;
      safeguard: string;
      designation: string;
    }[];
  }
).requirements;

interface DashboardJson {
  program: {
    progress: Record<string, number>;
    byCategory: ({ safeguard: string } & Record<string, number>)[];
    byStandard: ({ id: string } & Record<string, number>)[];
    decisionsMissing: number;
    reviewsOverdue: number;
    unowned: number;
    proposedRule: { met: number; total: number };
  } | null;
  tasks: {
    open: number | null;
    overdue: number | null;
    mineOpen: number;
    mineOverdue: number;
    mine: { title: string }[];
  };
  nextActions: { id: string; title: string }[];
  firstWeek: { id: string; state: string; href: string | null; detail: string }[];
}

describe(`dashboard on ${testDatabaseKind()}`, () => {
  it('figures equal counts computed independently over a seeded organization', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const base = `/api/orgs/${org.id}`;
    const call = (method: 'GET' | 'PATCH' | 'PUT' | 'POST', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: base + url,
        headers: owner.headers,
        ...(payload ? { payload } : {}),
      });

    // A deterministic plan: every third requirement implemented, every fifth in progress,
    // some with owners, some with past review dates, a few addressable decisions.
    const plan = new Map<string, { status: string; owned: boolean; overdue: boolean }>();
    let decided = 0;
    for (const [i, r] of requirements.entries()) {
      const status = i % 3 === 0 ? 'implemented' : i % 5 === 0 ? 'in_progress' : 'not_started';
      const owned = i % 2 === 0;
      const overdue = i % 7 === 0;
      plan.set(r.id, { status, owned, overdue });
      const body = {
        status,
        ...(owned ? { ownerId: owner.user.id } : {}),
        ...(overdue ? { nextReviewOn: '2026-01-15' } : {}),
      };
      if (status !== 'not_started' || owned || overdue) {
        expect(
          (await call('PATCH', `/safeguards/${encodeURIComponent(r.id)}`, body)).statusCode,
        ).toBe(200);
      }
      if (
        r.designation === 'addressable' &&
        r.kind === 'implementation_specification' &&
        i % 4 === 0
      ) {
        decided += 1;
        const response = await call('PUT', `/safeguards/${encodeURIComponent(r.id)}/decision`, {
          decision: 'as_specified',
          approvedBy: owner.user.id,
          approvedOn: '2026-05-01',
          basis: 'Risk analysis 2026',
        });
        expect(response.statusCode).toBe(200);
      }
    }
    // Tasks: two of mine overdue, one of mine later, one unassigned overdue, one done.
    for (const [title, dueOn, mine] of [
      ['a', '2026-05-01', true],
      ['b', '2026-05-20', true],
      ['c', '2026-09-01', true],
      ['d', '2026-04-01', false],
    ] as const) {
      await call('POST', '/tasks', { title, dueOn, ...(mine ? { ownerId: owner.user.id } : {}) });
    }
    const done = (await call('POST', '/tasks', { title: 'e', dueOn: '2026-01-01' })).json<{
      id: string;
    }>();
    await call('POST', `/tasks/${done.id}/complete`, {});

    const dashboard = (await call('GET', '/dashboard')).json<DashboardJson>();
    const count = (ids: { id: string }[]) => {
      const statuses = ids.map((r) => plan.get(r.id)?.status);
      const implemented = statuses.filter((s) => s === 'implemented').length;
      return {
        total: ids.length,
        implemented,
        inProgress: statuses.filter((s) => s === 'in_progress').length,
        notStarted: statuses.filter((s) => s === 'not_started').length,
        notApplicable: 0,
        percent: Math.floor((implemented * 100) / ids.length),
      };
    };
    expect(dashboard.program?.progress).toEqual(count(requirements));
    expect(dashboard.program?.byCategory).toHaveLength(5);
    for (const category of dashboard.program?.byCategory ?? []) {
      expect(category).toEqual({
        safeguard: category.safeguard,
        ...count(requirements.filter((r) => r.safeguard === category.safeguard)),
      });
    }
    expect(dashboard.program?.byStandard).toHaveLength(22);
    for (const standard of dashboard.program?.byStandard ?? []) {
      expect(standard).toMatchObject(
        count(requirements.filter((r) => r.id === standard.id || r.parent === standard.id)),
      );
    }
    const addressable = requirements.filter(
      (r) => r.designation === 'addressable' && r.kind === 'implementation_specification',
    );
    expect(dashboard.program?.decisionsMissing).toBe(addressable.length - decided);
    expect(dashboard.program?.reviewsOverdue).toBe(
      [...plan.values()].filter((p) => p.overdue).length,
    );
    expect(dashboard.program?.unowned).toBe([...plan.values()].filter((p) => !p.owned).length);
    expect(dashboard.tasks).toMatchObject({ open: 4, overdue: 3, mineOpen: 3, mineOverdue: 2 });
    expect(dashboard.tasks.mine.map((task) => task.title)).toEqual(['a', 'b', 'c']);
    expect(dashboard.nextActions.map((a) => a.id)).toEqual([
      'designate-security-official',
      'describe-organization',
      'risk-analysis',
      'my-overdue-tasks',
      // Task "d" has no owner (issue 12: those who assign tasks are told).
      'unowned-tasks',
    ]);
  });

  it('designating the Security Official completes the first step and moves progress', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const officer = await buildMember(db, clock, org.id, 'security_officer');
    const url = `/api/orgs/${org.id}`;
    const before = (
      await t.app.inject({ url: `${url}/dashboard`, headers: owner.headers })
    ).json<DashboardJson>();
    expect(before.program?.progress.implemented).toBe(0);
    expect(before.firstWeek.map((s) => s.state)).toEqual([
      'todo',
      'todo',
      'todo',
      'todo',
      'coming',
      // Training is live (issue 15): nothing assigned yet.
      'todo',
      // Incidents: give the workforce a way to report (the anonymous link).
      'todo',
    ]);
    expect(before.firstWeek.filter((s) => s.state === 'coming').every((s) => s.href === null)).toBe(
      true,
    );

    const designated = await t.app.inject({
      method: 'PATCH',
      url: `${url}/profile`,
      headers: owner.headers,
      payload: { securityOfficial: { userId: officer.user.id, since: '2026-06-01' } },
    });
    expect(designated.statusCode).toBe(200);
    expect(designated.json<{ securityOfficial: { name: string } }>().securityOfficial.name).toBe(
      officer.user.name,
    );

    const after = (
      await t.app.inject({ url: `${url}/dashboard`, headers: owner.headers })
    ).json<DashboardJson>();
    expect(after.program?.progress.implemented).toBe(1);
    expect(after.firstWeek[0]?.state).toBe('done');
    // Ticked on the Security Official; the Privacy Official shows as recommended and missing.
    expect(before.firstWeek[0]?.detail).toBe(
      'Required: name the Security Official (164.308(a)(2)). Recommended: name the Privacy Official too (164.530(a)(1), Privacy Rule); not named yet.',
    );
    expect(after.firstWeek[0]?.detail).toBe(
      `Security Official: ${officer.user.name}. Recommended: name the Privacy Official too (164.530(a)(1), Privacy Rule); not named yet.`,
    );
    await t.app.inject({
      method: 'PATCH',
      url: `${url}/profile`,
      headers: owner.headers,
      payload: { privacyOfficial: { userId: owner.user.id, since: '2026-06-01' } },
    });
    const both = (
      await t.app.inject({ url: `${url}/dashboard`, headers: owner.headers })
    ).json<DashboardJson>();
    expect(both.firstWeek[0]).toMatchObject({
      state: 'done',
      detail: `Security Official: ${officer.user.name}. Privacy Official: ${owner.user.name}.`,
    });
    expect(after.nextActions.map((a) => a.id)).not.toContain('designate-security-official');
    const record = (
      await t.app.inject({
        url: `${url}/safeguards/${encodeURIComponent('164.308(a)(2)')}`,
        headers: owner.headers,
      })
    ).json<{ status: string; owner: { id: string }; statement: string }>();
    expect(record).toMatchObject({ status: 'implemented', owner: { id: officer.user.id } });
    expect(record.statement).toContain('designated Security Official on 1 Jun 2026');
  });

  it('refuses an official who is not a member and a made-up time zone, naming the field', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}/profile`,
        headers: owner.headers,
        payload,
      });
    const stranger = await patch({
      securityOfficial: { userId: '0192e1a4-7b5c-7d2e-8f00-000000000000', since: '2026-06-01' },
    });
    expect(stranger.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.securityOfficial.userId',
    );
    const zone = await patch({ timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.timeZone',
    );
  });
});

describe(`readiness for the proposed rule on ${testDatabaseKind()}`, () => {
  it('counts an addressable specification decided "not reasonable" as a gap, without touching the record', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const url = `/api/orgs/${org.id}`;
    await t.app.inject({
      method: 'PATCH',
      url: `${url}/safeguards/${encodeURIComponent('164.312(d)')}`,
      headers: owner.headers,
      payload: { status: 'implemented' },
    });
    await t.app.inject({
      method: 'PUT',
      url: `${url}/safeguards/${encodeURIComponent('164.312(a)(2)(iii)')}/decision`,
      headers: owner.headers,
      payload: {
        decision: 'not_reasonable',
        rationale: 'Badge tap-out instead.',
        approvedBy: owner.user.id,
        approvedOn: '2026-05-01',
        basis: 'RA 2026',
      },
    });
    const readiness = (
      await t.app.inject({ url: `${url}/readiness/proposed-2025`, headers: owner.headers })
    ).json<{
      items: { id: string; state: string; gaps: string[] }[];
    }>();
    // 164.312(d) implemented is the foundation of MFA, not MFA: no record shows MFA itself.
    const mfa = readiness.items.find((i) => i.id === 'mfa');
    expect(mfa?.state).toBe('partial');
    expect(mfa?.gaps).toEqual([
      'Not shown by your records: multi-factor authentication on the systems that hold ePHI',
    ]);
    const addressable = readiness.items.find((i) => i.id === 'no-addressable');
    expect(addressable?.state).toBe('gap');
    expect(addressable?.gaps).toContain(
      '164.312(a)(2)(iii) Automatic logoff: Not reasonable and appropriate',
    );
    expect(
      (await t.app.inject({ url: `${url}/readiness/nope`, headers: owner.headers })).statusCode,
    ).toBe(404);
  });
});
