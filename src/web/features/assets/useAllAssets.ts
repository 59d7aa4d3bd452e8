import { useQuery } from '@tanstack/react-query';
import type { Asset, AssetList } from '../../../contracts/assets';
import { api } from '../../api';
import { useActiveOrg } from '../../app/useActiveOrg';

/** Every asset of the active organization, read page by page (pickers and the map need them all). */
export function useAllAssets() {
  const orgId = useActiveOrg()?.orgId;
  return useQuery({
    queryKey: orgId ? [...api.assets.list.key({ orgId }), 'all'] : ['assets', 'waiting'],
    enabled: orgId !== undefined,
    queryFn: async () => {
      if (!orgId) {
        throw new Error('The assets were read before the organization was known.');
      }
      const all: Asset[] = [];
      for (let cursor: string | null = ''; cursor !== null;) {
        const page: AssetList = await api.assets.list(
          { orgId },
          { limit: 200, ...(cursor ? { cursor } : {}) },
        );
        all.push(...page.data);
        cursor = page.nextCursor;
      }
      return all;
    },
  });
}
