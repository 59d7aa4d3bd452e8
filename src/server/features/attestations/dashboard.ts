import { attestationRoutes } from '../../../contracts/attestations';
import { countOf } from '../../../contracts/words';
import { dateWord } from '../../platform/words';
import {
  oncePerAsk,
  type DashboardAsk,
  type DashboardContribution,
} from '../../platform/dashboard';
import { publishedPolicies, type Published } from './obligations';

const publishedFor = oncePerAsk((ask: DashboardAsk): Promise<Published[]> =>
  publishedPolicies(ask.deps.database.db, ask.orgId, ask.deps.clock.now()),
);

/**
 * Acknowledgement completion of the versions in effect, over everyone asked (the dashboard's policy
 * figures); null while no policy is published.
 */
export async function acknowledgementFigures(
  ask: DashboardAsk,
): Promise<{ acknowledged: number; expected: number } | null> {
  if (!ask.holds(attestationRoutes.completion.permission)) return null;
  const obligations = (await publishedFor(ask)).flatMap((p) => p.obligations);
  if (obligations.length === 0) return null;
  return {
    acknowledged: obligations.filter((o) => o.status === 'acknowledged').length,
    expected: obligations.length,
  };
}

export const attestationsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const published = await publishedFor(ask);
    // Mine to acknowledge, overdue first: every role reads My policies.
    const mine = published
      .flatMap((p) => p.obligations)
      .filter((o) => o.userId === ask.userId && o.status !== 'acknowledged')
      .toSorted((a, b) => a.dueOn.localeCompare(b.dueOn));
    const own = mine.slice(0, 2).map((o, index) => ({
      rank: o.status === 'overdue' ? 5 + index : 30 + index,
      for: [attestationRoutes.mine.permission, attestationRoutes.acknowledge.permission],
      item: {
        id: `acknowledge-${o.version.versionId}`,
        title: `Read and acknowledge ${o.version.reference} ${o.version.title}`,
        detail:
          o.status === 'overdue'
            ? `Your acknowledgement was due on ${dateWord(o.dueOn)}.`
            : `Asked of you by ${dateWord(o.dueOn)}.`,
        href: `/my-policies/${o.version.versionId}`,
      },
    }));
    // Policies people are late on, for those who follow completion up.
    const late = published
      .filter((p) => p.version && p.obligations.some((o) => o.status === 'overdue'))
      .slice(0, 2)
      .map((p, index) => {
        const overdue = p.obligations.filter((o) => o.status === 'overdue').length;
        return {
          rank: 45 + index,
          for: [attestationRoutes.completion.permission],
          item: {
            id: `acknowledgements-late-${p.documentId}`,
            title: `${countOf(overdue, 'person', 'people')} late acknowledging ${p.version?.reference ?? ''}`,
            detail: `${p.version?.title ?? ''}: remind them, or check the audience.`,
            href: '/acknowledgements',
          },
        };
      });
    return [...own, ...late];
  },
};
