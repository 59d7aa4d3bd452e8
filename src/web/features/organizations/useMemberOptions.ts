import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';

/** Members as choices for owner and approver pickers. */
export function useMemberOptions() {
  const org = useActiveOrg();
  const readable = org !== undefined && can(org.role, api.organizations.members);
  const members = useApiQuery(api.organizations.members, readable ? [{ orgId: org.orgId }] : null);
  return (members.data?.data ?? []).map((m) => ({ value: m.userId, label: m.name }));
}
