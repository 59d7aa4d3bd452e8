import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { findOldestRetained } from './repository';
import { placeLegalHold } from './service';

// The demo clinic keeps one record under a legal hold, so the register shows what a hold looks
// like. Its first approved risk analysis is what a complaint inquiry would ask for.
const hold = demoStep(95, z.unknown(), async ({ deps, context, orgId }) => {
  const kept = await findOldestRetained(deps.database.db, orgId, 'risk_assessment');
  if (!kept) return;
  await placeLegalHold(deps, context, orgId, {
    recordType: 'risk_assessment',
    recordId: kept.record_id,
    reason:
      'Complaint inquiry: keep the risk analysis that was in force when the complaint was made.',
  });
});

export const retentionDemo = [hold];
