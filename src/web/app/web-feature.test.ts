import { describe, expect, it } from 'vitest';
import { COMING } from './coming';
import { WEB_FEATURES } from './features';
import { NAVIGATION } from './navigation';
import { roleHolds } from '../../contracts/permissions';
import { NAV_GROUPS, navigationOf, routesOf, webFeaturesOf, type WebFeature } from './web-feature';

describe('the web features', () => {
  it('make the navigation: every entry once, by group and order, placeholders where none is built', () => {
    const entries = WEB_FEATURES.flatMap((f) => f.navigation ?? []);
    const built = NAVIGATION.flatMap((g) => g.items.filter((i) => i.available));
    expect(built.map((i) => i.path).sort()).toEqual(entries.map((e) => e.path).sort());
    const soon = NAVIGATION.flatMap((g) => g.items.filter((i) => !i.available).map((i) => i.path));
    expect(soon).toEqual(
      COMING.filter((c) => !entries.some((e) => e.path === c.path)).map((c) => c.path),
    );
    expect(NAVIGATION.map((g) => g.label)).toEqual(
      NAV_GROUPS.filter((g) => NAVIGATION.some((n) => n.label === g)),
    );
    for (const group of NAVIGATION) {
      const orders = group.items.map(
        (i) => [...entries, ...COMING].find((e) => e.path === i.path)?.order ?? NaN,
      );
      expect(orders, group.label).toEqual([...orders].sort((x, y) => x - y));
    }
  });

  it('leave the organization profile out of a workforce member’s menu, in everyone else’s', () => {
    const profile = NAVIGATION.flatMap((g) => g.items).find(
      (i) => i.path === '/settings/organization',
    );
    const permission = profile?.permission;
    expect(permission).toBeDefined();
    if (!permission) return;
    expect(roleHolds('workforce', permission)).toBe(false);
    for (const role of ['owner', 'admin', 'security_officer', 'contributor', 'auditor'] as const) {
      expect(roleHolds(role, permission), role).toBe(true);
    }
  });

  it('declare every page once, each loading its code when first visited', () => {
    const { pages, fullPages } = routesOf(WEB_FEATURES);
    expect(pages.length).toBeGreaterThan(0);
    for (const route of [...pages, ...fullPages]) {
      expect(route.lazy, route.path).toBeTypeOf('function');
    }
  });

  it('hide a placeholder once a feature declares its path', () => {
    const [vendorsToCome] = COMING.filter((c) => c.group === 'Vendors');
    const vendors: WebFeature = {
      feature: 'vendors',
      navigation: [{ ...vendorsToCome!, order: 5, label: 'Vendors', permission: 'members.read' }],
    };
    const group = (features: WebFeature[], label: string) =>
      navigationOf(features, COMING)
        .find((g) => g.label === label)
        ?.items.map((i) => [i.label, i.available, i.permission]);
    expect(group([], 'Vendors')).toEqual([[vendorsToCome!.label, false, undefined]]);
    expect(group([vendors], 'Vendors')).toEqual([['Vendors', true, 'members.read']]);
    // Another group's placeholder stays as it was.
    expect(group([vendors], 'Operations')).toEqual(group([], 'Operations'));
    expect(group([], 'Operations')?.length).toBeGreaterThan(0);
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
    const tasks: WebFeature = { feature: 'tasks', pages: [{ path: 'tasks' }] };
    const copy: WebFeature = { feature: 'copy', fullPages: [{ path: 'tasks' }] };
    expect(() => routesOf([tasks, copy])).toThrow(/"tasks" is declared twice/);
  });
});
