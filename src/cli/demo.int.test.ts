import { describe, expect, it } from 'vitest';
import { testAuditDeps } from '../../test/support/audit';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases, testDatabaseKind } from '../../test/support/database';
import { ROLES } from '../contracts/roles';
import { verifyChain } from '../server/platform/audit/verify';
import { systemClock } from '../server/platform/clock';

const freshDatabase = freshDatabases();

describe(`custos demo on ${testDatabaseKind()}`, () => {
  it('seeds a clinic with every role, varied records and tasks, prints how to sign in, and refuses a second run', async () => {
    const database = await freshDatabase({ migrate: false });
    const env = envFor(database.target);
    const run = await cli(['demo'], env);
    expect(run.err).toEqual([]);
    expect(run.result).toBe(0);
    expect(run.out[0]).toMatch(/^Created the demo organization "Riverside Family Clinic" \(/);
    const password = run.out.find((line) => /^\s+riverside-/.test(line))?.trim();
    expect(password).toMatch(/^riverside-[\w-]{12}$/);
    const accounts = run.out.filter((line) => /@[\w-]+\.example$/.test(line));
    expect(accounts).toHaveLength(7);
    // Roles by their labels, never their keys.
    expect(accounts.find((line) => line.includes('priya@'))).toMatch(
      /^\s+Security official\s+Priya/,
    );
    expect(accounts.join('\n')).not.toMatch(/security_officer|privacy_officer/);

    const db = database.handle.db;
    const org = await db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Riverside Family Clinic', entity_type: 'provider' });
    expect(org.security_official_id).not.toBeNull();
    const roles = await db
      .selectFrom('memberships')
      .select('role')
      .where('org_id', '=', org.id)
      .execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(ROLES));
    const statuses = await db
      .selectFrom('safeguards')
      .select(['status', 'decision'])
      .where('org_id', '=', org.id)
      .execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(
      new Set(['implemented', 'in_progress', 'not_started', 'not_applicable']),
    );
    expect(new Set(statuses.map((s) => s.decision).filter(Boolean))).toEqual(
      new Set(['as_specified', 'alternative', 'not_reasonable']),
    );
    const tasks = await db
      .selectFrom('tasks')
      .select(['status', 'recurrence'])
      .where('org_id', '=', org.id)
      .execute();
    expect(tasks.length).toBeGreaterThanOrEqual(13);
    expect(tasks.some((t) => t.status === 'done')).toBe(true);
    expect(tasks.some((t) => t.recurrence !== null)).toBe(true);
    const evidence = await db
      .selectFrom('record_links')
      .select('to_type')
      .where('org_id', '=', org.id)
      .where('to_type', '=', 'evidence')
      .execute();
    expect(evidence.length).toBeGreaterThan(0);
    // Evidence is kept as items (issue 14): files, encrypted, and links to where it lives.
    const kinds = await db
      .selectFrom('evidence_items')
      .select('kind')
      .where('org_id', '=', org.id)
      .execute();
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['file', 'link']));
    // Every item has an owner, and evidence supports risks and a task too, not only safeguards.
    const owners = await db
      .selectFrom('evidence_items')
      .select('owner_id')
      .where('org_id', '=', org.id)
      .execute();
    expect(owners.filter((o) => o.owner_id === null)).toEqual([]);
    const supported = await db
      .selectFrom('record_links')
      .select('from_type')
      .where('org_id', '=', org.id)
      .where('to_type', '=', 'evidence')
      .execute();
    expect(new Set(supported.map((l) => l.from_type))).toEqual(
      new Set(['safeguard', 'risk', 'task']),
    );
    // A policy version approved but not yet in effect, as the page and dashboard show it.
    const versions = await db
      .selectFrom('document_versions')
      .select('status')
      .where('org_id', '=', org.id)
      .execute();
    expect(versions.map((v) => v.status)).toContain('approved');
    const assets = await db
      .selectFrom('assets')
      .select('holds_ephi')
      .where('org_id', '=', org.id)
      .execute();
    expect(assets.filter((a) => a.holds_ephi === 1).length).toBeGreaterThan(3);
    // The risk analysis: last year's approved assessment with its report, this year's draft.
    const assessments = await db
      .selectFrom('risk_assessments')
      .leftJoin('risk_reports', 'risk_reports.assessment_id', 'risk_assessments.id')
      .select(['risk_assessments.status', 'risk_assessments.based_on_id', 'risk_reports.sha256'])
      .where('risk_assessments.org_id', '=', org.id)
      .orderBy('risk_assessments.number')
      .execute();
    expect(assessments.map((a) => a.status)).toEqual(['approved', 'draft']);
    expect(assessments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(assessments[1]?.based_on_id).not.toBeNull();
    const risks = await db
      .selectFrom('risks')
      .select(['status', 'treatment'])
      .where('org_id', '=', org.id)
      .execute();
    expect(risks.length).toBeGreaterThanOrEqual(8);
    expect(new Set(risks.map((r) => r.treatment))).toEqual(
      new Set(['mitigate', 'accept', 'transfer']),
    );
    const flows = await db
      .selectFrom('data_flows')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(flows.length).toBeGreaterThan(3);
    expect((await verifyChain(db, testAuditDeps(systemClock).auditKeys, org.id)).intact).toBe(true);

    const again = await cli(['demo'], env);
    expect(again.result).toBe(1);
    expect(again.err[0]).toMatch(/demo organization already exists/);
  });
});
