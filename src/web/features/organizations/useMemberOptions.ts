import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { roleHolds, type Permission } from '../../../contracts/permissions';

export interface MemberChoice {
  /** Leave out those whose access has ended (an auditor's engagement): no work goes to them. */
  activeOnly?: boolean;
  /** Leave out those whose role does not allow this (a task's owner must be able to complete it). */
  able?: Permission;
  /** The person the record names now: stays a choice, marked, so the form shows them. */
  current?: { id: string; name: string } | null | undefined;
}

/**
 * Members as choices for owner and approver pickers. The server checks the same rules on save
 * (164.308(a)(3)(ii)(C): a record is not handed to someone whose access has ended).
 */
export function useMemberOptions(options: MemberChoice = {}) {
  const org = useActiveOrg();
  const readable = org !== undefined && can(org.role, api.organizations.members);
  const members = useApiQuery(api.organizations.members, readable ? [{ orgId: org.orgId }] : null);
  // As of the list's answer (render stays pure).
  const now = members.dataUpdatedAt;
  const { activeOnly, able, current } = options;
  const choices = (members.data?.data ?? [])
    .filter(
      (m) =>
        (activeOnly !== true ||
          m.accessExpiresAt === null ||
          Date.parse(m.accessExpiresAt) > now) &&
        (able === undefined || roleHolds(m.role, able)),
    )
    .map((m) => ({ value: m.userId, label: m.name }));
  if (current && !choices.some((c) => c.value === current.id)) {
    return [{ value: current.id, label: `${current.name} (can no longer be chosen)` }, ...choices];
  }
  return choices;
}
