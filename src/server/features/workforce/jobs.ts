import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { JobKind } from '../../platform/jobs/types';
import { CUT_OFF_JOB, runCutOff } from './termination';

const CutOff = z.object({ orgId: z.uuid(), checklistId: z.uuid(), at: z.iso.datetime() });

/** Cuts a leaver's Custos access off at the end of their last day (termination.ts). */
export function cutOffKind(deps: AppDeps): JobKind<z.infer<typeof CutOff>> {
  return {
    name: CUT_OFF_JOB,
    label: 'Ending the access of people who left',
    parse: (data) => CutOff.parse(data),
    run: (payload) => runCutOff(deps, payload),
  };
}
