import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { AssetListSchema, type Asset } from '../../../contracts/assets';
import { apiGet } from '../../api/client';
import { useActiveOrg } from '../../app/useActiveOrg';
import type { Level } from '../../../contracts/risk';

/** A level of risk as a badge: its colour as the dot, its label as text (AA contrast). */
export function LevelBadge({ level }: { level: Level | null }) {
  if (!level) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        Unrated
      </Badge>
    );
  }
  return (
    <Badge
      variant="dot"
      size="sm"
      color={level.color}
      style={{ overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {level.label}
    </Badge>
  );
}

/** Every asset of the active organization, read page by page (pickers and the map need them all). */
export function useAllAssets() {
  const org = useActiveOrg();
  return useQuery({
    queryKey: ['assets', org?.orgId, 'all'],
    enabled: org !== undefined,
    queryFn: async () => {
      const all: Asset[] = [];
      for (let cursor: string | null = ''; cursor !== null;) {
        const page: z.infer<typeof AssetListSchema> = await apiGet(
          `/api/orgs/${org?.orgId ?? ''}/assets?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          AssetListSchema,
        );
        all.push(...page.data);
        cursor = page.nextCursor;
      }
      return all;
    },
  });
}
