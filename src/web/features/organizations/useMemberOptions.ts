import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';

/**
 * Members as choices for owner and approver pickers; `activeOnly` leaves out those whose access
 * has ended (an auditor's engagement), to whom no work can be handed.
 */
export function useMemberOptions(options: { activeOnly?: boolean } = {}) {
  const org = useActiveOrg();
  const readable = org !== undefined && can(org.role, api.organizations.members);
  const members = useApiQuery(api.organizations.members, readable ? [{ orgId: org.orgId }] : null);
  // As of the list's answer (render stays pure); the server checks again on save.
  const now = members.dataUpdatedAt;
  return (members.data?.data ?? [])
    .filter(
      (m) =>
        options.activeOnly !== true ||
        m.accessExpiresAt === null ||
        Date.parse(m.accessExpiresAt) > now,
    )
    .map((m) => ({ value: m.userId, label: m.name }));
}
