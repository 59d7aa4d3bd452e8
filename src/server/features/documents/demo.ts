import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { createDocumentIn } from './service';

// The demo clinic's policies, kept here rather than in content/demo so that the feature
// stays in its folder; the cross-tenant test needs at least one record of every kind.
const EXAMPLES = [
  { name: 'First example', notes: 'Seeded by the demo.' },
  { name: 'Second example', notes: '' },
];

const documents = demoStep(90, z.unknown(), async ({ deps, context, orgId }) => {
  await deps.database.db.transaction().execute(async (trx) => {
    for (const example of EXAMPLES) {
      await createDocumentIn(trx, deps, context, orgId, example);
    }
  });
});

export const documentsDemo = [documents];
