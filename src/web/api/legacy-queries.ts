// Transitional: the pages not yet on the typed client (src/web/api/index.ts) use these; delete when none do.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from './client';
import { useActiveOrg } from '../app/useActiveOrg';

/** A GET of the active organization's API, cached under the organization and `key`. */
export function useOrgQuery<T extends z.ZodType>(key: readonly unknown[], path: string, schema: T) {
  const org = useActiveOrg();
  return useQuery({
    queryKey: [key[0], org?.orgId, ...key.slice(1)],
    enabled: org !== undefined,
    queryFn: () => apiGet(`/api/orgs/${org?.orgId ?? ''}${path}`, schema),
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
  'risk-assessments',
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
