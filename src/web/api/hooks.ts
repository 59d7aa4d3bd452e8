import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf, RouteContract } from '../../contracts/route';
import { useActiveOrg } from '../app/useActiveOrg';
import type { Call } from './endpoints';

type ArgsOf<C extends RouteContract> = Parameters<Call<C>>;

/** TanStack Query options a page may set on an API query. */
export interface ApiQueryOptions {
  enabled?: boolean;
  staleTime?: number;
  retry?: boolean | number;
  refetchInterval?: number;
  refetchIntervalInBackground?: boolean;
}

/**
 * A GET through the typed client, cached under its key; `args` null waits (e.g. for the
 * organization to be known). `staleTime` overrides the app's default (Infinity for content that
 * changes only with a release, such as the catalog).
 */
export function useApiQuery<C extends RouteContract>(
  call: Call<C>,
  args: ArgsOf<C> | null,
  options: ApiQueryOptions = {},
) {
  const { enabled, ...rest } = options;
  return useQuery({
    ...rest,
    queryKey: args ? call.key(...args) : [call.feature, 'waiting'],
    enabled: args !== null && (enabled ?? true),
    queryFn: () => {
      if (!args) {
        throw new Error('A query ran before its parameters were known.');
      }
      return call(...args);
    },
  });
}

/** The parameters of an organization route with the active organization's id filled in. */
export function useOrgId(): string | undefined {
  return useActiveOrg()?.orgId;
}

export interface ApiMutationOptions<C extends RouteContract> {
  /** Runs before the stale queries are refreshed. */
  onSuccess?: (answer: ResponseOf<C>) => void | Promise<void>;
  onError?: (error: Error) => void;
  /** Runs the call through a wrapper: `reauth.run` asks for the password when the server wants it. */
  through?: <T>(action: () => Promise<T>) => Promise<T>;
}

/**
 * A change through the typed client: `mutate([params, body])`. On success every query of its
 * feature and of the features its contract names in `invalidates` is refreshed, and the audit
 * log's when the contract declares the audit events it writes.
 */
export function useApiMutation<C extends RouteContract>(
  call: Call<C>,
  options: ApiMutationOptions<C> = {},
) {
  const queryClient = useQueryClient();
  const stale = new Set([
    call.feature,
    ...(call.contract.invalidates ?? []),
    ...(call.contract.audits?.length ? ['audit-log'] : []),
  ]);
  const { through } = options;
  return useMutation({
    mutationFn: (args: ArgsOf<C>) => (through ? through(() => call(...args)) : call(...args)),
    onError: (error) => options.onError?.(error),
    onSuccess: async (answer) => {
      await options.onSuccess?.(answer);
      await queryClient.invalidateQueries({
        predicate: (query) => stale.has(String(query.queryKey[0])),
      });
    },
  });
}
