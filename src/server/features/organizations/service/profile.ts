import type {
  OrganizationProfile,
  OrganizationProfileBody,
} from '../../../../contracts/organizations';
import type { Database } from '../../../db/schema';
import type { OrganizationsTable } from '../tables';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import { changesOf, type AuditFields } from '../../../platform/audit/changes';
import { requireMember, requireNewlyNamedMember } from '../../../platform/auth/members';
import { readJson } from '../../../platform/db/json-columns';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { changeSafeguardIn, safeguardStatusIn } from '../../safeguards/service';
import {
  findOrganization,
  findUserNames,
  updateOrganizationSettings,
} from '../repository/organizations';
import { dateWord } from '../../../platform/words';
import type { Transaction } from 'kysely';

type Db = AppDeps['database']['db'];

async function present(db: Db, org: OrganizationsTable): Promise<OrganizationProfile> {
  const people = new Map(
    (
      await findUserNames(
        db,
        [org.security_official_id, org.privacy_official_id].filter((id) => id !== null),
      )
    ).map((u) => [u.id, u]),
  );
  const official = (id: string | null, since: string | null) => {
    const person = id ? people.get(id) : undefined;
    return person ? { userId: person.id, name: person.name, email: person.email, since } : null;
  };
  return {
    name: org.name,
    entityType: org.entity_type,
    includesGroupHealthPlan: org.includes_group_health_plan === 1,
    includesClearinghouse: org.includes_clearinghouse === 1,
    size: org.size,
    locations: readJson('organizations.locations', org.locations),
    timeZone: org.time_zone,
    securityOfficial: official(org.security_official_id, org.security_official_since),
    privacyOfficial: official(org.privacy_official_id, org.privacy_official_since),
  };
}

export async function getProfile(deps: AppDeps, orgId: string): Promise<OrganizationProfile> {
  const org = await findOrganization(deps.database.db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  return present(deps.database.db, org);
}

/** The designated Security Official's user id (164.308(a)(2)), or null; in any transaction. */
export async function securityOfficialIn(db: Db | Transaction<Database>, orgId: string) {
  return (await findOrganization(db, orgId))?.security_official_id ?? null;
}

/** The organization's entity type from its profile, or null; `db` may be a transaction. */
export async function entityTypeIn(db: Db | Transaction<Database>, orgId: string) {
  return (await findOrganization(db, orgId))?.entity_type ?? null;
}

/** The organization's name; `db` may be a transaction (reports print it). */
export async function organizationName(db: Db, orgId: string): Promise<string> {
  const org = await findOrganization(db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  return org.name;
}

/** How the profile's fields appear in the audit trail (API names, as every feature's). */
const AUDITED: AuditFields<OrganizationsTable> = {
  name: 'name',
  entityType: 'entity_type',
  includesGroupHealthPlan: 'includes_group_health_plan',
  includesClearinghouse: 'includes_clearinghouse',
  size: 'size',
  locations: 'locations',
  timeZone: 'time_zone',
  securityOfficial: 'security_official_id',
  securityOfficialSince: 'security_official_since',
  privacyOfficial: 'privacy_official_id',
  privacyOfficialSince: 'privacy_official_since',
};

/**
 * Changes the organization profile. Designating the Security Official (164.308(a)(2)) also
 * records it on that standard's safeguard record when nothing was recorded there yet.
 */
export async function updateProfile(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: OrganizationProfileBody,
): Promise<OrganizationProfile> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findOrganization(trx, orgId);
    if (!before) {
      throw new AppError('not_found', 'No such organization.');
    }
    const values: Partial<OrganizationsTable> = {};
    if (body.name !== undefined) values.name = body.name;
    if (body.entityType !== undefined) values.entity_type = body.entityType;
    if (body.includesGroupHealthPlan !== undefined)
      values.includes_group_health_plan = body.includesGroupHealthPlan ? 1 : 0;
    if (body.includesClearinghouse !== undefined)
      values.includes_clearinghouse = body.includesClearinghouse ? 1 : 0;
    if (body.size !== undefined) values.size = body.size;
    if (body.locations !== undefined) values.locations = JSON.stringify(body.locations);
    if (body.timeZone !== undefined) values.time_zone = body.timeZone;
    for (const [key, idColumn, sinceColumn] of [
      ['securityOfficial', 'security_official_id', 'security_official_since'],
      ['privacyOfficial', 'privacy_official_id', 'privacy_official_since'],
    ] as const) {
      const official = body[key];
      if (official === undefined) continue;
      // 164.308(a)(2): the responsibility goes to someone whose access has not ended.
      await requireNewlyNamedMember(
        trx,
        orgId,
        { userId: official?.userId, previous: before[idColumn] },
        `body.${key}.userId`,
        deps.clock.now().toISOString(),
        { permission: 'safeguards.update', act: 'keep the safeguard records' },
      );
      values[idColumn] = official?.userId ?? null;
      values[sinceColumn] = official?.since ?? null;
    }
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) {
      return;
    }
    await updateOrganizationSettings(trx, orgId, values);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'organization.profile_changed',
      entity: { type: 'organization', id: orgId },
      changes,
    });
    const official = body.securityOfficial;
    if (official && (await safeguardStatusIn(trx, orgId, '164.308(a)(2)')) === 'not_started') {
      const name = await requireMember(trx, orgId, official.userId, 'body.securityOfficial.userId');
      await changeSafeguardIn(trx, deps, context, orgId, '164.308(a)(2)', {
        status: 'implemented',
        ownerId: official.userId,
        statement: `${name} was designated Security Official on ${dateWord(official.since)}, responsible for developing and implementing the security policies and procedures.`,
        reviewIntervalMonths: 12,
      });
    }
  });
  return getProfile(deps, orgId);
}
