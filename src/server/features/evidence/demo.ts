import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { createEvidenceItemIn } from './service';

// The demo clinic's evidence, kept here rather than in content/demo so that the feature
// stays in its folder; the cross-tenant test needs at least one record of every kind.
const EXAMPLES = [
  { name: 'First example', notes: 'Seeded by the demo.' },
  { name: 'Second example', notes: '' },
];

const evidence = demoStep(90, z.unknown(), async ({ deps, context, orgId }) => {
  await deps.database.db.transaction().execute(async (trx) => {
    for (const example of EXAMPLES) {
      await createEvidenceItemIn(trx, deps, context, orgId, example);
    }
  });
});

export const evidenceDemo = [evidence];
