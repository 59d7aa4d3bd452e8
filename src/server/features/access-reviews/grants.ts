import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import type { AccessGrant, AccessGrantBody } from '../../../contracts/access-reviews';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { requireApprover } from '../../platform/auth/approver';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { nextReferenceNumber } from '../../platform/references-repository';
import { assetNames } from '../assets/service';
import { personRowIn } from '../people/service';
import { namesFor } from './names';
import { grantReference, presentGrant } from './presenter';
import { endGrant, findGrant, insertGrant, listActiveGrants, listGrants } from './repository';
import type { AccessGrantsTable } from './tables';

async function present(db: Db, orgId: string, rows: readonly AccessGrantsTable[]) {
  const names = await namesFor(db, orgId, {
    people: rows.map((r) => r.person_id),
    assets: rows.map((r) => r.asset_id),
    members: rows.flatMap((r) => [r.approved_by, ...(r.revoked_by ? [r.revoked_by] : [])]),
  });
  return rows.map((r) => presentGrant(r, names));
}

async function foundGrant(db: Db, orgId: string, id: string) {
  const row = await findGrant(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such access grant.');
  return row;
}

export async function listGrantPage(
  deps: AppDeps,
  orgId: string,
  filter: { personId?: string | undefined; assetId?: string | undefined },
) {
  const db = deps.database.db;
  return { data: await present(db, orgId, await listGrants(db, orgId, filter)) };
}

async function getGrant(deps: AppDeps, orgId: string, id: string): Promise<AccessGrant> {
  const db = deps.database.db;
  const [one] = await present(db, orgId, [await foundGrant(db, orgId, id)]);
  if (!one) throw new Error('a found grant presents');
  return one;
}

/**
 * Records access granted to a person on a system (164.308(a)(4)(ii)(B) access authorization): the
 * person recording it approved it, as themselves (design.md §6.2), never a token.
 */
export async function recordGrant(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AccessGrantBody,
): Promise<AccessGrant> {
  const id = uuidv7();
  const approver = await requireApprover(deps, context, orgId, {
    action: 'approve access',
    entity: { type: 'access_grant', id },
  });
  await deps.database.db.transaction().execute(async (trx) => {
    const person = await personRowIn(trx, orgId, body.personId);
    if (!person) throw AppError.field('body.personId', 'must be a person of the roster');
    const asset = (await assetNames(trx, orgId, [body.assetId])).get(body.assetId);
    if (!asset) throw AppError.field('body.assetId', 'must be an asset of the inventory');
    if (person.end_date !== null && body.grantedOn > person.end_date) {
      throw AppError.field('body.grantedOn', `must be on or before ${person.name}'s end date`);
    }
    const now = deps.clock.now().toISOString();
    const number = await nextReferenceNumber(trx, orgId, 'access_grant');
    await insertGrant(trx, {
      id,
      org_id: orgId,
      number,
      person_id: body.personId,
      asset_id: body.assetId,
      access_level: body.accessLevel,
      justification: body.justification,
      approved_by: approver,
      granted_on: body.grantedOn,
      revoked_on: null,
      revoked_by: null,
      created_at: now,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'access_grant.recorded',
      entity: { type: 'access_grant', id },
      changes: {
        reference: { after: grantReference(number) },
        person: { after: person.name },
        system: { after: `${asset.reference} ${asset.name}` },
        accessLevel: { after: body.accessLevel },
        grantedOn: { after: body.grantedOn },
      },
    });
  });
  return getGrant(deps, orgId, id);
}

/** Records that a grant ended (on a date, today by default); an ended grant answers 409. */
export async function revokeGrant(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: { revokedOn?: string | undefined },
): Promise<AccessGrant> {
  const today = await organizationToday(deps.database.db, deps.clock, orgId);
  const revokedOn = body.revokedOn ?? today;
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await foundGrant(trx, orgId, id);
    if (before.revoked_on !== null) {
      throw new AppError(
        'conflict',
        `${grantReference(before.number)} ended on ${before.revoked_on} already.`,
      );
    }
    if (revokedOn < before.granted_on) {
      throw AppError.field(
        'body.revokedOn',
        `must be on or after the grant (${before.granted_on})`,
      );
    }
    if (!(await endGrantIn(trx, deps, context, orgId, before, revokedOn))) {
      throw new AppError('conflict', `${grantReference(before.number)} ended already.`);
    }
  });
  return getGrant(deps, orgId, id);
}

/**
 * Ends a grant in the caller's transaction, audited; false when it had ended already. Called when
 * the access really ended (a termination task done: workforce/grant-ends.ts), never before.
 */
export async function endGrantIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  grant: AccessGrantsTable,
  revokedOn: string,
): Promise<boolean> {
  // A grant never ends before it began.
  const on = revokedOn < grant.granted_on ? grant.granted_on : revokedOn;
  const ended = await endGrant(trx, orgId, grant.id, {
    revoked_on: on,
    revoked_by: context.actor.type === 'user' ? context.actor.id : null,
    updated_at: deps.clock.now().toISOString(),
  });
  if (!ended) return false;
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'access_grant.revoked',
    entity: { type: 'access_grant', id: grant.id },
    changes: {
      reference: { after: grantReference(grant.number) },
      revokedOn: { before: null, after: on },
    },
  });
  return true;
}

/** A person's grants in effect (not ended), with the grant row: ending employment reads them. */
export async function activeGrantsOf(
  db: Db,
  orgId: string,
  filter: { personId?: string | undefined } = {},
): Promise<AccessGrantsTable[]> {
  return listActiveGrants(db, orgId, filter);
}

/** One grant's row, or undefined (another organization's, or none). */
export async function grantRowIn(db: Db, orgId: string, id: string) {
  return findGrant(db, orgId, id);
}
