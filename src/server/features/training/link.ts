import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { findTrainingLabels } from './repository';

/** A person's training as the end of a link (its notifications name it). */
export const trainingLink: LinkTarget = {
  type: 'training',
  exists: async (db, orgId, ids) =>
    new Set((await findTrainingLabels(db, orgId, uuidsOnly(ids))).keys()),
  labels: async (db, orgId, ids) => {
    const found = await findTrainingLabels(db, orgId, uuidsOnly(ids));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Training']));
  },
};
