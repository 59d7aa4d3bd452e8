import { useQuery } from '@tanstack/react-query';
import { MemberListSchema } from '../../../contracts/identity';
import { apiGet } from '../../api/client';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';

/** Members as choices for owner and approver pickers. */
export function useMemberOptions() {
  const org = useActiveOrg();
  const members = useQuery({
    queryKey: ['members', org?.orgId],
    enabled: org !== undefined && can(org.role, 'members.read'),
    queryFn: () => apiGet(`/api/orgs/${org?.orgId ?? ''}/members`, MemberListSchema),
  });
  return (members.data?.data ?? []).map((m) => ({ value: m.userId, label: m.name }));
}
