import { z } from 'zod';
import { actingAs, demoStep } from '../../platform/demo';
import { findOldestRetained } from './repository';
import { placeLegalHold } from './service';

// The demo clinic keeps one piece of evidence under a legal hold, so the register shows what a hold
// looks like: the oldest, as a complaint about that period would ask for it.
const hold = demoStep(95, z.unknown(), async ({ deps, context, orgId, person }) => {
  const kept = await findOldestRetained(deps.database.db, orgId, 'evidence');
  if (!kept) return;
  // Placed by the Security Official, as a person would (not by the demo's own seeding account).
  await placeLegalHold(deps, actingAs(context, person('priya')), orgId, {
    recordType: 'evidence',
    recordId: kept.record_id,
    reason: 'Patient complaint under review: keep this evidence of the period until it is closed.',
  });
});

export const retentionDemo = [hold];
