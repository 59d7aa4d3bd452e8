import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit-actions';
import * as features from './features';
import { PERMISSIONS, PERSON_ONLY, isPermission } from './permissions';

describe('the tables assembled from contracts/features.ts', () => {
  it('hold every feature’s permissions and audit actions, each once', () => {
    const modules = Object.values(features);
    const permissions = modules.flatMap((m) => Object.keys(m.permissions));
    const actions = modules.flatMap((m) => [...m.auditActions]);
    expect(Object.keys(PERMISSIONS)).toEqual(permissions);
    expect(new Set(permissions).size).toBe(permissions.length);
    expect(AUDIT_ACTIONS).toEqual(actions);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('make approvals, decisions and the outbox person-only', () => {
    expect([...PERSON_ONLY].sort()).toEqual(['outbox.read', 'risks.approve', 'safeguards.decide']);
    expect(PERSON_ONLY.every((p) => isPermission(p))).toBe(true);
  });
});
