import { describe, expect, it } from 'vitest';
import { COMING } from './coming';
import { WEB_FEATURES } from './features';
import { NAVIGATION } from './navigation';
import { navigationOf, routesOf, webFeaturesOf, type WebFeature } from './web-feature';

const shown = (groups: typeof NAVIGATION) =>
  groups.map((g) => [
    g.label,
    g.items.map((i) => `${i.label} ${i.path}${i.available ? '' : ' (soon)'}`),
  ]);

describe('the web features', () => {
  it('assemble the navigation of the design, features to come as "Soon"', () => {
    expect(shown(NAVIGATION)).toEqual([
      [
        'Program',
        [
          'Dashboard /',
          'Safeguards /safeguards',
          'Tasks /tasks',
          'Rule catalog /catalog',
          'Proposed rule /readiness',
        ],
      ],
      ['Risk', ['Assets /assets', 'Risk register /risks', 'Risk assessments /risk-assessments']],
      ['Documentation', ['Policies & evidence /documents (soon)']],
      ['People', ['Workforce /workforce (soon)', 'Business associates /vendors (soon)']],
      [
        'Operations',
        [
          'Incidents /incidents (soon)',
          'Contingency /contingency (soon)',
          'Activity review /activity (soon)',
          'Evaluations /evaluations (soon)',
        ],
      ],
      ['Reports', ['Reports /reports (soon)']],
      [
        'Administration',
        [
          'Organization profile /settings/organization',
          'Audit log /admin/audit-log',
          'Members /admin/members',
          'Security settings /admin/security',
          'Outbox /admin/outbox',
          'System status /admin/status',
        ],
      ],
    ]);
  });

  it('declare every page once', () => {
    const { pages, fullPages } = routesOf(WEB_FEATURES);
    expect(pages.map((p) => (p.index ? '/' : p.path)).sort()).toEqual([
      '/',
      'admin/audit-log',
      'admin/members',
      'admin/outbox',
      'admin/security',
      'admin/status',
      'assets',
      'catalog',
      'profile',
      'readiness',
      'risk-assessments',
      'risk-assessments/:assessmentId',
      'risks',
      'safeguards',
      'safeguards/:requirementId',
      'settings/organization',
      'tasks',
    ]);
    expect(fullPages.map((p) => p.path).sort()).toEqual([
      'invitations',
      'reset-password',
      'safeguards/print',
      'setup',
      'sign-in',
    ]);
  });

  it('hide a placeholder once a feature declares its path', () => {
    const vendors: WebFeature = {
      feature: 'vendors',
      navigation: [{ ...COMING[2]!, order: 5, label: 'Vendors', permission: 'members.read' }],
    };
    const people = navigationOf([...WEB_FEATURES, vendors], COMING).find(
      (g) => g.label === 'People',
    );
    expect(people?.items.map((i) => [i.label, i.available, i.permission])).toEqual([
      ['Vendors', true, 'members.read'],
      ['Workforce', false, undefined],
    ]);
  });

  it('fail loudly on a folder without a manifest, misnamed, or not a feature', () => {
    const path = '../features/tasks/index.tsx';
    expect(() => webFeaturesOf({ [path]: {} }, ['tasks'])).toThrow(/must export `manifest`/);
    expect(() => webFeaturesOf({ [path]: { manifest: { feature: 'task' } } }, ['tasks'])).toThrow(
      /must be "tasks"/,
    );
    expect(() => webFeaturesOf({ [path]: { manifest: { feature: 'tasks' } } }, ['risks'])).toThrow(
      /no feature of contracts/,
    );
    expect(() =>
      webFeaturesOf({ [path]: { manifest: { feature: 'tasks', navigation: [{ label: 'x' }] } } }, [
        'tasks',
      ]),
    ).toThrow(/navigation entry needs/);
  });

  it('refuse two features claiming one page', () => {
    const twice: WebFeature = { feature: 'copy', pages: [{ path: 'tasks' }] };
    expect(() => routesOf([...WEB_FEATURES, twice])).toThrow(/"tasks" is declared twice/);
  });
});
