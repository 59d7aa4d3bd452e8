import { describe, expect, it } from 'vitest';
import { can } from './session';
import { permissionsToOpen } from './may-open';
import { pageOfLink } from '../components/link-pages';
import { WEB_FEATURES } from './features';
import { CONCEALED } from '../../contracts/permissions';

const roleMayOpen = (role: Parameters<typeof can>[0], to: string) =>
  permissionsToOpen(to).every((p) => can(role, p));

// A link is drawn only where the reader's role may open the page (PermissionGate's rule).
describe('which pages a role may open', () => {
  it('reads the permission the matching page declares, ignoring the query', () => {
    expect(permissionsToOpen('/safeguards/164.308(a)(5)')).toEqual(['program.read']);
    expect(permissionsToOpen('/risks?risk=abc')).toEqual(['risks.read']);
    expect(permissionsToOpen('/tasks?scope=all&task=abc')).toEqual([]);
  });

  it('keeps a workforce member from safeguard and risk pages, not from tasks', () => {
    const about = pageOfLink({ type: 'safeguard', targetId: '164.308(a)(5)(i)' });
    expect(about).toBe('/safeguards/164.308(a)(5)(i)');
    expect(roleMayOpen('workforce', about ?? '')).toBe(false);
    expect(roleMayOpen('workforce', pageOfLink({ type: 'risk', targetId: 'r' }) ?? '')).toBe(false);
    expect(roleMayOpen('workforce', pageOfLink({ type: 'task', targetId: 't' }) ?? '')).toBe(true);
    expect(roleMayOpen('security_officer', about ?? '')).toBe(true);
    expect(roleMayOpen('auditor', about ?? '')).toBe(true);
  });

  it('gates every page a navigation entry hides, so a typed address shows no page around a refusal', () => {
    const entries = WEB_FEATURES.flatMap((f) => f.navigation ?? []);
    // A concealed area (sanctions) shows others what the server answers them: no such page.
    const ungated = entries
      .filter((e) => e.permission !== undefined && !CONCEALED.includes(e.permission))
      .filter((e) => !permissionsToOpen(e.path).includes(e.permission ?? 'me.read'))
      .map((e) => e.path);
    expect(ungated).toEqual([]);
    expect(roleMayOpen('workforce', '/people')).toBe(false);
    expect(roleMayOpen('workforce', '/people/p1')).toBe(false);
    // A record's own page too, not only the list (found by the newcomer on /evidence/<id>).
    for (const page of ['/evidence/e1', '/documents/d1', '/training', '/risks']) {
      expect([page, roleMayOpen('workforce', page)]).toEqual([page, false]);
    }
    expect(roleMayOpen('workforce', '/my-policies')).toBe(true);
  });
});
