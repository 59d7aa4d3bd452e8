import type { Transaction } from 'kysely';
import type { MembershipSummary } from '../../../../contracts/auth';
import type { PasswordResetNotice } from '../../../../contracts/password-reset-notices';
import type { Database } from '../../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { Principal } from '../../../platform/auth/sessions';
import { randomToken, sha256Hex } from '../../../platform/crypto/hash';
import type { AppDeps } from '../../../platform/deps';
import {
  expireIssuedResets,
  insertReset,
  listResetNotices,
  lockUserForReset,
  markResetNoticesSeen,
} from '../repository/password-resets';

/** How long a link issued by an administrator works: a day to meet the member in person. */
export const ISSUED_RESET_HOURS = 24;

/**
 * Stores a one-time reset link that `issuedBy` issued for `userId` in `orgId` and returns it: only
 * its hash is kept, and an earlier unused issued link stops working. The caller shows or emails
 * the link and writes the audit event (164.308(a)(5)(ii)(D) password management).
 */
export async function issuePasswordResetIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  issue: { userId: string; issuedBy: string; orgId: string },
): Promise<{ link: string; expiresAt: string }> {
  const now = deps.clock.now();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + ISSUED_RESET_HOURS * 3_600_000).toISOString();
  await lockUserForReset(trx, issue.userId);
  await expireIssuedResets(trx, issue.userId, now.toISOString());
  await insertReset(trx, {
    token_hash: sha256Hex(token),
    user_id: issue.userId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
    issued_by: issue.issuedBy,
    org_id: issue.orgId,
    noticed_at: null,
  });
  // The token travels in the fragment, which browsers never send to servers or proxies.
  return { link: `${deps.baseUrl}/reset-password#${token}`, expiresAt };
}

/** The notices the signed-in person has not read: who issued a link for them, when, and its use. */
export async function passwordResetNoticesOf(
  deps: AppDeps,
  userId: string,
  memberships: readonly MembershipSummary[],
): Promise<PasswordResetNotice[]> {
  const names = new Map(memberships.map((m) => [m.orgId, m.orgName]));
  return (await listResetNotices(deps.database.db, userId)).map((row) => ({
    issuedBy: row.issuer_name,
    organization: row.org_id ? (names.get(row.org_id) ?? null) : null,
    issuedAt: row.created_at,
    usedAt: row.used_at,
    expiresAt: row.expires_at,
  }));
}

/** The person read the notices (the acknowledgement is audited: 164.308(a)(5)(ii)(C)). */
export async function acknowledgePasswordResetNotices(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const seen = await markResetNoticesSeen(trx, principal.userId, deps.clock.now().toISOString());
    if (seen > 0) {
      await appendAuditEvent(trx, deps, context, {
        orgId: principal.activeOrgId,
        action: 'user.password_reset_notice_seen',
        entity: { type: 'user', id: principal.userId },
        changes: { notices: { after: seen } },
      });
    }
  });
}
