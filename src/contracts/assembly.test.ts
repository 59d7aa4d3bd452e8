import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit-actions';
import * as features from './features';
import {
  PERMISSIONS,
  PERSON_ONLY,
  grantOf,
  isAnyOrganizationGrant,
  isPermission,
} from './permissions';
import type { Role } from './roles';
import type { RouteContract } from './route';

describe('the tables assembled from contracts/features.ts', () => {
  // Node and esbuild give a namespace's exports in alphabetical order, vitest in the file's order:
  // kept alphabetical, the features load in one order everywhere.
  it('list the features in alphabetical order of their names', () => {
    const names = Object.keys(features);
    expect(names).toEqual(names.toSorted());
  });

  it('hold every feature’s permissions and audit actions, each once', () => {
    const modules = Object.values(features);
    const permissions = modules.flatMap((m) => Object.keys(m.permissions));
    const actions = modules.flatMap((m) => [...m.auditActions]);
    expect(Object.keys(PERMISSIONS)).toEqual(permissions);
    expect(new Set(permissions).size).toBe(permissions.length);
    expect(AUDIT_ACTIONS).toEqual(actions);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('make approvals (assessments, policies, sanction sign-offs, access grants, breach determinations), decisions (access reviews too), the outbox, issuing reset links and notifications person-only', () => {
    expect([...PERSON_ONLY].sort()).toEqual([
      'access.grant',
      'access.review',
      'documents.approve',
      'incidents.breach_approve',
      'members.reset_password',
      'my_policies.acknowledge',
      'my_policies.read',
      'my_security_reminders.read',
      'my_training.read',
      'my_training.take',
      'notifications.manage',
      'notifications.read',
      'outbox.read',
      'risks.approve',
      'safeguards.decide',
      'sanctions.acknowledge_own',
      'sanctions.sign_off',
      'training.record_completion',
    ]);
    expect(PERSON_ONLY.every((p) => isPermission(p))).toBe(true);
  });

  // Auditors read and change nothing (README; 164.308(a)(4)): a write guarded by a permission they
  // hold, such as a feature's read permission by mistake, fails here. Verifying the trail is a POST
  // that writes only its own audit event.
  it('give auditors no operation that writes, apart from verifying the trail', () => {
    const writable = Object.values(features)
      .flatMap((m) => Object.entries(m).filter(([name]) => name.endsWith('Routes')))
      .flatMap(([, routes]) => Object.values(routes as Record<string, RouteContract>))
      .filter((c) => c.method !== 'GET')
      .filter((c) => {
        const grant = grantOf(c.permission);
        if (grant === 'public' || grant === 'authenticated') return false;
        const roles: readonly Role[] = isAnyOrganizationGrant(grant)
          ? grant.anyOrganization
          : grant;
        return roles.includes('auditor');
      })
      .map((c) => `${c.method} ${c.path} (${c.permission})`);
    expect(writable).toEqual(['POST /api/orgs/:orgId/audit-events/verify (audit.verify)']);
  });
});
