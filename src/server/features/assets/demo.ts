import { z } from 'zod';
import { AssetBodySchema } from '../../../contracts/assets';
import { demoStep } from '../../platform/demo';
import { createAssetIn } from './service';

const Assets = z.object({
  assets: z.array(AssetBodySchema.omit({ ownerId: true }).extend({ owner: z.string() })),
});

/** The clinic's inventory; the risk analysis names its assets by name (`recall('asset', …)`). */
const assets = demoStep(40, Assets, async (clinic, data) => {
  const { deps, context, orgId } = clinic;
  await deps.database.db.transaction().execute(async (trx) => {
    for (const [index, { owner, ...asset }] of data.assets.entries()) {
      const assetId = await createAssetIn(
        trx,
        deps,
        context,
        orgId,
        { ...asset, ownerId: clinic.person(owner) },
        `assets.${index}`,
      );
      clinic.remember('asset', asset.name, assetId);
    }
  });
});

export const assetsDemo = [assets];
