import { SAFEGUARD_CATEGORIES } from '../../../contracts/catalog';
import type { Counts } from '../../../contracts/dashboard';
import { safeguardRoutes, type Safeguard } from '../../../contracts/safeguards';
import type { FirstWeekStep, Ranked } from '../../platform/dashboard';
import { attentionCounts } from '../safeguards/dashboard';

/** Records by status; percent counts implemented and not applicable as done. */
export function countStatuses(records: readonly Safeguard[]): Counts {
  const count = (status: Safeguard['status']) => records.filter((r) => r.status === status).length;
  const implemented = count('implemented');
  const notApplicable = count('not_applicable');
  return {
    total: records.length,
    implemented,
    inProgress: count('in_progress'),
    notStarted: count('not_started'),
    notApplicable,
    percent:
      records.length === 0 ? 0 : Math.floor(((implemented + notApplicable) * 100) / records.length),
  };
}

/** Progress overall, per safeguard category, and per standard (the standard and its specifications). */
export function progressFigures(records: readonly Safeguard[]) {
  return {
    progress: countStatuses(records),
    byCategory: SAFEGUARD_CATEGORIES.map((safeguard) => ({
      safeguard,
      ...countStatuses(records.filter((r) => r.safeguard === safeguard)),
    })),
    byStandard: records
      .filter((r) => r.kind === 'standard')
      .map((standard) => ({
        id: standard.requirementId,
        title: standard.title,
        safeguard: standard.safeguard,
        ...countStatuses(
          records.filter(
            (r) =>
              r.requirementId === standard.requirementId || r.parent === standard.requirementId,
          ),
        ),
      })),
    ...attentionCounts(records),
  };
}

// The first week is the program's setup: its coming steps are for those who keep the program.
function coming(rank: number, id: string, title: string, detail: string): Ranked<FirstWeekStep> {
  return {
    rank,
    for: [safeguardRoutes.update.permission],
    item: { id, title, detail, state: 'coming', href: null },
  };
}

/** First-week steps of features not in Custos yet; a feature declaring a step of the id replaces it. */
export const COMING_STEPS: readonly Ranked<FirstWeekStep>[] = [
  coming(40, 'policies', 'Adopt policies', 'Approve policies and collect acknowledgements.'),
  coming(
    50,
    'business-associates',
    'Business associates',
    'List vendors with ePHI and their BAAs.',
  ),
  coming(60, 'training', 'Train the workforce', 'Assign security awareness training.'),
];
