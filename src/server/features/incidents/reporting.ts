import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type {
  AnonymousReportBody,
  OwnReport,
  ProblemReportBody,
  ReportLink,
} from '../../../contracts/incidents-schemas';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import { reserveAttempt, type Policy } from '../../platform/auth/throttle';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { listLiveMembers } from '../../platform/people-repository';
import { notifyIn } from '../notifications/notify';
import { securityOfficialIn } from '../organizations/service/profile';
import { foundIncident } from './common';
import { presentOwnReport } from './presenter';
import {
  deleteReportLink,
  findIncident,
  findOrganizationByLinkHashUnscoped,
  findReportLink,
  listIncidents,
  saveReportLink,
} from './repository';
import { createIncidentIn } from './service';

// Reporting (issue 16 part 2; 164.308(a)(6)(ii): identify suspected incidents, which needs people to
// say so): any member reports in two minutes, and anyone through the organization's anonymous link.

/**
 * Tells the Security Official at once (an email through the outbox, and the bell); with none
 * designated, the owners and the members in the Security Official's role. Titles carry the
 * reference only, never what was reported (it may hold PHI).
 */
async function notifyResponders(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  incident: { id: string; reference: string },
): Promise<void> {
  const official = await securityOfficialIn(trx, orgId);
  const now = deps.clock.now().toISOString();
  const recipients =
    official !== null
      ? [official]
      : (await listLiveMembers(trx, orgId, now))
          .filter((m) => m.role === 'owner' || m.role === 'security_officer')
          .map((m) => m.userId);
  for (const userId of recipients) {
    await notifyIn(trx, deps, {
      orgId,
      userId,
      kind: 'incident.reported',
      record: { type: 'incident', id: incident.id },
      title: `New incident report ${incident.reference}: triage it`,
      key: `incident.reported:${incident.id}`,
    });
  }
}

/** "Report a problem": a member's report, reported status, the Security Official told at once. */
export async function reportProblem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: ProblemReportBody,
): Promise<OwnReport> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const reporter = await actingPersonIn(trx, orgId, context.actor);
    const created = await createIncidentIn(
      trx,
      deps,
      context,
      orgId,
      {
        title: body.title,
        description: body.whatHappened,
        category: 'other',
        occurredAt: body.occurredAt,
        system: body.system,
      },
      { source: 'member', reportedBy: reporter },
    );
    await notifyResponders(trx, deps, orgId, created);
    return created.id;
  });
  return presentOwnReport(await foundIncident(deps.database.db, orgId, id));
}

/** The reporter's own reports; nothing of anyone else's. */
export async function ownReports(deps: AppDeps, context: AuditContext, orgId: string) {
  const db = deps.database.db;
  const reporter = await actingPersonIn(db, orgId, context.actor);
  if (reporter === null) return { data: [] };
  const rows = await listIncidents(db, orgId, { reportedBy: reporter });
  return { data: rows.map(presentOwnReport) };
}

/** One of the reporter's own reports; anyone else's answers 404, as a missing one does. */
export async function ownReport(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<OwnReport> {
  const db = deps.database.db;
  const reporter = await actingPersonIn(db, orgId, context.actor);
  const row = await findIncident(db, orgId, id);
  if (!row || reporter === null || row.reported_by !== reporter) {
    throw new AppError('not_found', 'No such report of yours.');
  }
  return presentOwnReport(row);
}

// ---------- the anonymous link ----------

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function getReportLink(deps: AppDeps, orgId: string): Promise<ReportLink> {
  const link = await findReportLink(deps.database.db, orgId);
  return { enabled: link !== undefined, createdAt: link?.created_at ?? null, token: null };
}

/**
 * Makes a new link (the old one stops working at once); the token is in this answer only:
 * Custos keeps its SHA-256, as it does for every token (design.md §6.6).
 */
export async function rotateReportLink(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
): Promise<ReportLink> {
  // 192 bits from the system's generator: unguessable (164.312(a)(1) access control).
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findReportLink(trx, orgId);
    await saveReportLink(trx, {
      org_id: orgId,
      token_hash: hashOf(token),
      created_at: now,
      created_by: await actingPersonIn(trx, orgId, context.actor),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.report_link_changed',
      entity: { type: 'incident_report_link', id: orgId },
      changes: { link: { before: before ? 'on' : 'off', after: before ? 'replaced' : 'on' } },
    });
  });
  return { enabled: true, createdAt: now, token };
}

export async function disableReportLink(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const removed = await deleteReportLink(trx, orgId);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.report_link_changed',
      entity: { type: 'incident_report_link', id: orgId },
      changes: { link: { before: removed > 0 ? 'on' : 'off', after: 'off' } },
    });
  });
}

// Per client address and per link, 15-minute window (platform/auth/throttle.ts): five reports from
// one address pass freely, then each waits longer, then the key locks. Reads of the form count per
// address. The address is the one Fastify trusts (CUSTOS_TRUST_PROXY), never a client's header.
export const ANONYMOUS_IP_POLICY: Policy = { free: 4, lockAt: 20 };
export const ANONYMOUS_LINK_POLICY: Policy = { free: 30, lockAt: 100 };
const LOOKUP_IP_POLICY: Policy = { free: 30, lockAt: 120 };

const NO_LINK = 'This reporting link does not work. Ask the organization for its current link.';

async function throttle(deps: AppDeps, keys: { key: string; policy: Policy }[]) {
  const reservation = await reserveAttempt(deps.database.db, deps.clock, keys);
  if (!reservation.allowed) {
    throw new AppError(
      'rate_limited',
      `Too many reports from here: wait ${reservation.retryAfterSeconds} seconds before trying again.`,
      undefined,
      { 'retry-after': String(reservation.retryAfterSeconds) },
    );
  }
}

/** Whom a link reports to: the organization's name alone (the form shows it), or 404. */
export async function lookupAnonymousLink(
  deps: AppDeps,
  context: AuditContext,
  token: string,
): Promise<{ organizationName: string }> {
  await throttle(deps, [
    { key: `incident-lookup-ip:${context.ip ?? 'unknown'}`, policy: LOOKUP_IP_POLICY },
  ]);
  const org = await findOrganizationByLinkHashUnscoped(deps.database.db, hashOf(token));
  if (!org) throw new AppError('not_found', NO_LINK);
  return { organizationName: org.name };
}

/**
 * An anonymous report: no account, counted per link and per address before anything is
 * written; the answer says it was received and nothing else (no reference, no data).
 */
export async function reportAnonymously(
  deps: AppDeps,
  context: AuditContext,
  body: AnonymousReportBody,
): Promise<{ received: true }> {
  const org = await findOrganizationByLinkHashUnscoped(deps.database.db, hashOf(body.token));
  // The address counts even for a link that does not work, so links cannot be tried freely.
  const ipKey = {
    key: `incident-report-ip:${context.ip ?? 'unknown'}`,
    policy: ANONYMOUS_IP_POLICY,
  };
  await throttle(
    deps,
    org
      ? [{ key: `incident-report-link:${org.orgId}`, policy: ANONYMOUS_LINK_POLICY }, ipKey]
      : [ipKey],
  );
  if (!org) throw new AppError('not_found', NO_LINK);
  const anonymous: AuditContext = {
    ...context,
    actor: { type: 'anonymous', id: null, label: null },
  };
  await deps.database.db.transaction().execute(async (trx) => {
    const created = await createIncidentIn(
      trx,
      deps,
      anonymous,
      org.orgId,
      {
        title: body.title,
        description: body.whatHappened,
        category: 'other',
        occurredAt: body.occurredAt,
        system: body.system,
      },
      { source: 'anonymous', reportedBy: null, reporterContact: body.contact ?? null },
    );
    await notifyResponders(trx, deps, org.orgId, created);
  });
  return { received: true };
}
