import type { Transaction } from 'kysely';
import type { Permission } from '../../../contracts/permissions';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import { actingPersonIn, memberHolds, memberIsActive } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { securityOfficialIn } from '../organizations/service/profile';

/** What a task the system raises is about: its record's owner, and what its owner must be able to do. */
export interface TaskSubject {
  /** The owner of the record the task is about (a risk's owner), if it has one. */
  recordOwnerId?: string | null | undefined;
  /** A permission the task asks its owner to use (an approval), if any. */
  able?: Permission | undefined;
}

/**
 * The owner of a task the system raises: the owner of the record it is about, else the Security
 * Official (164.308(a)(2): the person responsible for the program), else the person who acted. A
 * candidate counts only while their access has not ended and their role can complete tasks and, when the task asks for an act (an
 * approval), while their role allows it; when no candidate may act, the first active one owns the
 * task, to find someone who can. Null only when no candidate is an active member (the demo's
 * system actor, with no official).
 */
export async function systemTaskOwnerIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  subject: TaskSubject,
): Promise<string | null> {
  const now = deps.clock.now().toISOString();
  const candidates: string[] = [];
  for (const id of [
    subject.recordOwnerId ?? null,
    await securityOfficialIn(trx, orgId),
    await actingPersonIn(trx, orgId, context.actor),
  ]) {
    if (
      id !== null &&
      !candidates.includes(id) &&
      (await memberIsActive(trx, orgId, id, now)) &&
      (await memberHolds(trx, orgId, id, 'tasks.complete'))
    ) {
      candidates.push(id);
    }
  }
  const { able } = subject;
  if (able) {
    for (const id of candidates) {
      if (await memberHolds(trx, orgId, id, able)) return id;
    }
  }
  return candidates[0] ?? null;
}
