import { SAFEGUARD_CATEGORIES } from '../../../contracts/catalog';
import type { Counts, Dashboard } from '../../../contracts/dashboard';
import type { OrganizationProfile } from '../../../contracts/organizations';
import type { Safeguard } from '../../../contracts/safeguards';

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
    decisionsMissing: records.filter((r) => r.decisionMissing).length,
    reviewsOverdue: records.filter((r) => r.reviewOverdue).length,
    unowned: records.filter((r) => r.owner === null && r.status !== 'not_applicable').length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The three to five most important things to do next, derived from the records. */
export function nextActions(
  profile: OrganizationProfile,
  figures: ReturnType<typeof progressFigures>,
  records: readonly Safeguard[],
  tasks: { mineOverdue: number; overdue: number },
): Dashboard['nextActions'] {
  const actions: Dashboard['nextActions'] = [];
  if (!profile.securityOfficial) {
    actions.push({
      id: 'designate-security-official',
      title: 'Designate a Security Official',
      detail: '164.308(a)(2) requires one named person responsible for security.',
      href: '/settings/organization',
    });
  }
  if (!profile.entityType) {
    actions.push({
      id: 'describe-organization',
      title: 'Say what kind of entity you are',
      detail: 'Provider, health plan, clearinghouse or business associate decides what applies.',
      href: '/settings/organization',
    });
  }
  const riskAnalysis = records.find((r) => r.requirementId === '164.308(a)(1)(ii)(A)');
  if (riskAnalysis && riskAnalysis.status !== 'implemented') {
    actions.push({
      id: 'risk-analysis',
      title: 'Complete your risk analysis',
      detail: 'The first thing OCR asks for, and the basis of every addressable decision.',
      href: '/safeguards/164.308(a)(1)(ii)(A)',
    });
  }
  if (tasks.mineOverdue > 0) {
    actions.push({
      id: 'my-overdue-tasks',
      title: `You have ${plural(tasks.mineOverdue, 'overdue task', 'overdue tasks')}`,
      detail: 'Finish them or move their due dates.',
      href: '/tasks?owner=me&overdue=true',
    });
  }
  if (figures.unowned > 0) {
    actions.push({
      id: 'assign-owners',
      title: `${plural(figures.unowned, 'requirement has', 'requirements have')} no owner`,
      detail: 'Every safeguard needs someone accountable for it.',
      href: '/safeguards?attention=unowned',
    });
  }
  if (figures.decisionsMissing > 0) {
    actions.push({
      id: 'record-decisions',
      title: `Record ${plural(figures.decisionsMissing, 'addressable decision', 'addressable decisions')}`,
      detail: '164.306(d)(3): implement, use an equivalent alternative, or document why not.',
      href: '/safeguards?attention=decision_missing',
    });
  }
  if (figures.reviewsOverdue > 0) {
    actions.push({
      id: 'overdue-reviews',
      title: `${plural(figures.reviewsOverdue, 'review is', 'reviews are')} overdue`,
      detail: 'Review these safeguards and set their next review date.',
      href: '/safeguards?attention=review_overdue',
    });
  }
  return actions.slice(0, 5);
}

/** The guided first week of a new organization; steps of features still to come say so. */
export function firstWeek(
  profile: OrganizationProfile,
  risk: { ephiAssets: boolean; approvedAssessment: boolean },
): Dashboard['firstWeek'] {
  const coming = (id: string, title: string, detail: string) => ({
    id,
    title,
    detail,
    state: 'coming' as const,
    href: null,
  });
  return [
    {
      id: 'officials',
      title: 'Designate your officials',
      detail: 'Name the Security Official (164.308(a)(2)) and the Privacy Official.',
      state: profile.securityOfficial ? 'done' : 'todo',
      href: '/settings/organization',
    },
    {
      id: 'inventory',
      title: 'Inventory systems and ePHI',
      detail: 'List where ePHI lives and how it moves.',
      state: risk.ephiAssets ? 'done' : 'todo',
      href: '/assets',
    },
    {
      id: 'risk-analysis',
      title: 'Run the risk analysis',
      detail:
        'Threats, vulnerabilities, likelihood, impact; approved and kept (164.308(a)(1)(ii)(A)).',
      state: risk.approvedAssessment ? 'done' : 'todo',
      href: '/risk-assessments',
    },
    coming('policies', 'Adopt policies', 'Approve policies and collect acknowledgements.'),
    coming('business-associates', 'Business associates', 'List vendors with ePHI and their BAAs.'),
    coming('training', 'Train the workforce', 'Assign security awareness training.'),
  ];
}
