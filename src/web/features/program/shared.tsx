import { Badge } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { MemberListSchema } from '../../../contracts/identity';
import { SAFEGUARD_STATUS_LABELS, type SafeguardStatus } from '../../../contracts/safeguards';
import { type Task } from '../../../contracts/tasks';
import { apiGet } from '../../api/client';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';

/** A GET of the active organization's API, cached under the organization and `key`. */
export function useOrgQuery<T extends z.ZodType>(key: readonly unknown[], path: string, schema: T) {
  const org = useActiveOrg();
  return useQuery({
    queryKey: [key[0], org?.orgId, ...key.slice(1)],
    enabled: org !== undefined,
    queryFn: () => apiGet(`/api/orgs/${org?.orgId ?? ''}${path}`, schema),
  });
}

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

// Badges use the dot variant: the text keeps the page's colour (AA contrast), the dot carries the hue.
export const STATUS_COLORS: Record<SafeguardStatus, string> = {
  not_started: 'gray',
  in_progress: 'yellow',
  implemented: 'teal',
  not_applicable: 'indigo',
};

export function StatusBadge({ status }: { status: SafeguardStatus }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="dot"
      size="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {SAFEGUARD_STATUS_LABELS[status]}
    </Badge>
  );
}

export const PRIORITY_COLORS: Record<Task['priority'], string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

export const TASK_STATUS_LABELS: Record<Task['status'], string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** A date as people read it: 12 Mar 2026. */
export function formatDate(date: string | null): string {
  if (!date) return '—';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Invalidate everything derived from the program's records after a change. */
export const PROGRAM_KEYS = [
  'dashboard',
  'safeguards',
  'safeguard',
  'tasks',
  'task',
  'readiness',
  'profile',
  // Risk records show tasks and feed the dashboard.
  'assets',
  'asset',
  'flows',
  'risks',
  'risk',
  'risk-summary',
  'assessments',
  'assessment',
  'candidates',
];

/** A change to the program's records; on success every view derived from them is refreshed. */
export function useProgramMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      onDone?.();
      await queryClient.invalidateQueries({
        predicate: (q) => PROGRAM_KEYS.includes(String(q.queryKey[0])),
      });
    },
  });
}

/** The page's URL query as filters: read with `params`, change one with `set` (empty removes it). */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { params, set };
}
