import type { PolicyFigures } from '../../../contracts/dashboard';
import { documentsRoutes } from '../../../contracts/documents';
import {
  oncePerAsk,
  type DashboardAsk,
  type DashboardContribution,
  type NextAction,
  type Ranked,
} from '../../platform/dashboard';
import { organizationToday } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import { catalog } from '../catalog/content';
import { linkedIds } from '../links/service';
import { findPeopleNames } from '../../platform/people-repository';
import { reference } from './presenter';
import { REVIEW_NOTICE_DAYS } from './reminders';
import { listDocuments, listVersionsIn } from './repository';

/**
 * The standards of 164.308 (administrative safeguards) that no policy in effect covers: a policy
 * covers a standard when it is linked to the standard or to one of its implementation
 * specifications and has a version in effect. The first week's "Policies" step is done when none
 * is left (164.316(a): policies and procedures to comply with the standards).
 */
export async function uncoveredAdministrativeStandards(ask: DashboardAsk): Promise<string[]> {
  const db = ask.deps.database.db;
  const inEffect = await listVersionsIn(db, ask.orgId, ['in_effect']);
  const links = await linkedIds(
    db,
    ask.orgId,
    'document',
    inEffect.map((v) => v.document_id),
    'safeguard',
  );
  const covered = new Set<string>();
  for (const citations of links.values()) {
    for (const citation of citations) {
      const requirement = catalog().byId.get(citation);
      covered.add(requirement?.parent ?? citation);
    }
  }
  return catalog()
    .requirements.filter((r) => r.kind === 'standard' && r.id.startsWith('164.308'))
    .map((r) => r.id)
    .filter((id) => !covered.has(id));
}

/**
 * What the "Adopt policies" step still asks, by name: the administrative safeguard standards that
 * no policy in effect covers yet ("Requirements addressed" on a policy's page covers them).
 */
export function adoptPoliciesDetail(uncovered: readonly string[]): string {
  const intro =
    'Put in effect policies covering every administrative safeguard (164.308); start from the templates.';
  if (uncovered.length === 0) return intro;
  const all = catalog().requirements.filter(
    (r) => r.kind === 'standard' && r.id.startsWith('164.308'),
  ).length;
  const named = uncovered.map((id) => `${id} ${catalog().byId.get(id)?.title ?? ''}`.trim());
  return `${intro} Still without a policy in effect (${uncovered.length} of ${all}): ${named.join('; ')}.`;
}

/** The dashboard's policy figures: counts, and the reviews falling due or overdue. */
export const policyFiguresFor = oncePerAsk(
  async (ask: DashboardAsk): Promise<PolicyFigures | null> => {
    if (!ask.holds(documentsRoutes.list.permission)) return null;
    const db = ask.deps.database.db;
    const documents = await listDocuments(db, ask.orgId);
    const inEffect = new Set(
      (await listVersionsIn(db, ask.orgId, ['in_effect'])).map((v) => v.document_id),
    );
    const horizon = addDays(
      await organizationToday(db, ask.deps.clock, ask.orgId),
      REVIEW_NOTICE_DAYS,
    );
    const due = documents
      .filter((d) => d.next_review_on !== null && d.next_review_on <= horizon)
      .toSorted((a, b) => (a.next_review_on ?? '').localeCompare(b.next_review_on ?? ''));
    const names = await findPeopleNames(
      db,
      ask.orgId,
      due.flatMap((d) => (d.owner_id ? [d.owner_id] : [])),
    );
    return {
      total: documents.length,
      inEffect: inEffect.size,
      dueForReview: due.map((d) => ({
        id: d.id,
        reference: reference(d.number),
        title: d.title,
        nextReviewOn: d.next_review_on ?? '',
        owner: d.owner_id ? (names.get(d.owner_id) ?? null) : null,
      })),
      // Filled by the attestations work (issue 14, part 3).
      acknowledgements: null,
    };
  },
);

export const documentsDashboard: DashboardContribution = {
  firstWeek: async (ask) => {
    const uncovered = await uncoveredAdministrativeStandards(ask);
    return [
      {
        rank: 40,
        for: [documentsRoutes.list.permission, documentsRoutes.create.permission],
        item: {
          id: 'policies',
          title: 'Adopt policies',
          detail: adoptPoliciesDetail(uncovered),
          state: uncovered.length === 0 ? 'done' : 'todo',
          href: '/documents',
        },
      },
    ];
  },
  nextActions: async (ask) => [...(await awaitingEffect(ask)), ...(await reviewsDue(ask))],
};

/**
 * Versions approved but not yet in effect: until someone puts one in effect, the policy the
 * organization adopted is not the one that applies (164.316(a)).
 */
async function awaitingEffect(ask: DashboardAsk): Promise<Ranked<NextAction>[]> {
  if (!ask.holds(documentsRoutes.putInEffect.permission)) return [];
  const db = ask.deps.database.db;
  const approved = await listVersionsIn(db, ask.orgId, ['approved']);
  if (approved.length === 0) return [];
  const documents = new Map((await listDocuments(db, ask.orgId)).map((d) => [d.id, d]));
  return approved.slice(0, 3).flatMap((v, index) => {
    const d = documents.get(v.document_id);
    if (!d) return [];
    return [
      {
        rank: 32 + index,
        for: [documentsRoutes.get.permission, documentsRoutes.putInEffect.permission],
        item: {
          id: `document-effect-${v.id}`,
          title: `Put ${reference(d.number)} ${d.title} in effect`,
          detail: `Version ${v.number} is approved but not yet in effect.`,
          href: `/documents/${d.id}`,
        },
      },
    ];
  });
}

async function reviewsDue(ask: DashboardAsk): Promise<Ranked<NextAction>[]> {
  const figures = await policyFiguresFor(ask);
  return (figures?.dueForReview ?? []).slice(0, 3).map((d, index) => ({
    rank: 35 + index,
    for: [documentsRoutes.get.permission, documentsRoutes.review.permission],
    item: {
      id: `document-review-${d.id}`,
      title: `Review ${d.reference} ${d.title}`,
      detail: `Its review falls due on ${d.nextReviewOn}.`,
      href: `/documents/${d.id}`,
    },
  }));
}
