import { incidentsRoutes } from '../../../contracts/incidents';
import { documentsRoutes } from '../../../contracts/documents';
import { describe, expect, it } from 'vitest';
import { assetRoutes } from '../../../contracts/assets';
import { organizationRoutes } from '../../../contracts/organizations';
import { roleHolds } from '../../../contracts/permissions';
import { riskAssessmentRoutes } from '../../../contracts/risk-assessments';
import { ROLES } from '../../../contracts/roles';
import { safeguardRoutes } from '../../../contracts/safeguards';
import { taskRoutes } from '../../../contracts/tasks';
import { trainingRoutes } from '../../../contracts/training';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

/**
 * Each page the dashboard may link to, with the data route the page loads (as the web page calls
 * it). A link to a page missing here fails the test: add the page and its route.
 */
const PAGES: readonly {
  page: RegExp;
  route: { permission: Parameters<typeof roleHolds>[1] };
  api: (href: URL) => string;
}[] = [
  { page: /^\/settings\/organization$/, route: organizationRoutes.profile, api: () => '/profile' },
  { page: /^\/assets$/, route: assetRoutes.list, api: () => '/assets' },
  { page: /^\/incidents$/, route: incidentsRoutes.list, api: () => '/incidents' },
  {
    page: /^\/incidents\/breach-log$/,
    route: incidentsRoutes.breachLog,
    api: (href) => `/breach-log${href.search}`,
  },
  { page: /^\/incidents\/[^/]+$/, route: incidentsRoutes.get, api: (href) => href.pathname },
  { page: /^\/documents$/, route: documentsRoutes.list, api: () => '/documents' },
  {
    page: /^\/documents\/[^/]+$/,
    route: documentsRoutes.get,
    api: (href) => href.pathname,
  },
  {
    page: /^\/risk-assessments$/,
    route: riskAssessmentRoutes.list,
    api: () => '/risk-assessments',
  },
  {
    page: /^\/safeguards$/,
    route: safeguardRoutes.list,
    api: (href) => `/safeguards${href.search}`,
  },
  { page: /^\/safeguards\/[^/]+$/, route: safeguardRoutes.get, api: (href) => href.pathname },
  {
    page: /^\/readiness$/,
    route: safeguardRoutes.readiness,
    api: () => '/readiness/proposed-2025',
  },
  {
    page: /^\/tasks$/,
    route: taskRoutes.list,
    api: (href) => (href.searchParams.get('owner') === 'me' ? '/tasks?ownerId=me' : '/tasks'),
  },
  { page: /^\/training$/, route: trainingRoutes.completion, api: () => '/training/completion' },
  { page: /^\/my-training\/[^/]+$/, route: trainingRoutes.myCourse, api: (href) => href.pathname },
];

interface DashboardJson {
  program: object | null;
  tasks: { open: number | null; overdue: number | null };
  nextActions: { href: string }[];
  firstWeek: { href: string | null }[];
}

describe(`the dashboard, built for each role, on ${testDatabaseKind()}`, () => {
  it('links only to pages whose data route the role may call, and shows the gaps only to roles that read the program', async () => {
    const clock = testClock();
    clock.set('2026-11-22T15:00:00Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const base = `/api/orgs/${org.id}`;
    const seen = new Map<string, number>();
    for (const role of ROLES) {
      const member = role === 'owner' ? owner : await buildMember(db, clock, org.id, role);
      // An overdue task of their own, so every role that can do work has at least that to do.
      const task = await t.app.inject({
        method: 'POST',
        url: `${base}/tasks`,
        headers: owner.headers,
        payload: { title: `Late for ${role}`, dueOn: '2026-10-01', ownerId: member.user.id },
      });
      expect(task.statusCode).toBe(roleHolds(role, 'tasks.complete') ? 201 : 400);
      const response = await t.app.inject({ url: `${base}/dashboard`, headers: member.headers });
      expect(response.statusCode).toBe(200);
      const dashboard = response.json<DashboardJson>();
      const program = roleHolds(role, 'program.read');
      expect(dashboard.program === null, role).toBe(!program);
      expect(dashboard.tasks.open === null, role).toBe(!roleHolds(role, 'tasks.read_all'));
      const hrefs = [
        ...dashboard.nextActions.map((a) => a.href),
        ...dashboard.firstWeek.flatMap((s) => (s.href === null ? [] : [s.href])),
      ];
      seen.set(role, hrefs.length);
      for (const href of hrefs) {
        const url = new URL(href, 'http://custos.invalid');
        const page = PAGES.find((p) => p.page.test(url.pathname));
        expect(page, `${role}: ${href} is a page this test does not know`).toBeDefined();
        if (!page) continue;
        expect(roleHolds(role, page.route.permission), `${role}: ${href}`).toBe(true);
        const data = await t.app.inject({
          url: `${base}${page.api(url)}`,
          headers: member.headers,
        });
        expect(data.statusCode, `${role}: ${href} loads ${page.api(url)}`).toBe(200);
      }
    }
    // Every role that completes tasks is sent to its own late task at least (an auditor acts on
    // nothing); the owner to the whole setup.
    for (const role of ROLES.filter((r) => roleHolds(r, 'tasks.complete'))) {
      expect(seen.get(role), role).toBeGreaterThan(0);
    }
    expect(seen.get('auditor')).toBe(0);
    expect(seen.get('owner')).toBeGreaterThanOrEqual(5);
  });
});
