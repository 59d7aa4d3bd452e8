import type { InvitationsTable } from '../tables';
import type { Db } from '../../../platform/db/types';

export async function insertInvitation(trx: Db, row: InvitationsTable): Promise<void> {
  await trx.insertInto('invitations').values(row).execute();
}

export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<(InvitationsTable & { org_name: string }) | undefined> {
  return db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.org_id')
    .selectAll('invitations')
    .select('organizations.name as org_name')
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function listInvitations(db: Db, orgId: string): Promise<InvitationsTable[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Closes an open invitation; false when it was not open (accepted, revoked, or another org's). */
export async function closeInvitation(
  trx: Db,
  orgId: string,
  id: string,
  field: 'accepted_at' | 'revoked_at',
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('invitations')
    .set({ [field]: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
