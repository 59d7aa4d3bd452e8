import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { recordSanction, signOffSanction } from './service';

// One sanction record (issue 15 part 9): a nurse coached for leaving a workstation signed in,
// decided by the Security Official and signed off for HR by the Privacy Official.
const sanction = demoStep(
  65,
  z.unknown(),
  async ({ deps, context, orgId, today, person, recall }) => {
    const as = (key: string, label: string) => ({
      ...context,
      actor: { type: 'user' as const, id: person(key), label },
    });
    const record = await recordSanction(deps, as('priya', 'Priya Raman'), orgId, {
      personId: recall('person', 'E-1014'),
      violation:
        'Left a workstation in exam room 3 signed in to the EHR, unattended, during a break.',
      severity: 'low',
      intent: 'negligent',
      investigationNotes:
        'Seen by the head nurse; the session showed no access by anyone else in the audit log.',
      decision: 'Coaching',
      decidedOn: addDays(today, -60),
    });
    await signOffSanction(deps, as('tom', 'Tom Alvarez'), orgId, record.id);
  },
);

export const sanctionsDemo = [sanction];
