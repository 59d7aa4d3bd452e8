import type { TrainingFigures } from '../../../contracts/dashboard';
import { trainingRoutes } from '../../../contracts/training';
import { countOf } from '../../../contracts/words';
import {
  oncePerAsk,
  type DashboardAsk,
  type DashboardContribution,
} from '../../platform/dashboard';
import { dateWord } from '../../platform/words';
import { completionReport } from './report';
import { listTrainingOfUser } from './take';

const reportFor = oncePerAsk((ask: DashboardAsk) => completionReport(ask.deps, ask.orgId));

/** The dashboard's training figure (164.308(a)(5)): completion over everyone's current training. */
export async function trainingFigures(ask: DashboardAsk): Promise<TrainingFigures | null> {
  if (!ask.holds(trainingRoutes.completion.permission)) return null;
  const { overall } = await reportFor(ask);
  return overall;
}

export const trainingDashboard: DashboardContribution = {
  firstWeek: async (ask) => {
    if (!ask.holds(trainingRoutes.completion.permission)) return [];
    return [
      {
        rank: 60,
        for: [trainingRoutes.assignments.permission, trainingRoutes.assign.permission],
        item: {
          id: 'training',
          title: 'Train the workforce',
          detail: 'Assign security awareness training to your people (164.308(a)(5)).',
          state: (await reportFor(ask)).overall.assigned > 0 ? 'done' : 'todo',
          href: '/training',
        },
      },
    ];
  },
  nextActions: async (ask) => {
    const actions = [];
    if (ask.holds(trainingRoutes.mine.permission)) {
      const mine = (await listTrainingOfUser(ask.deps, ask.orgId, ask.userId)).data.filter(
        (t) => t.status !== 'passed',
      );
      actions.push(
        ...mine.slice(0, 2).map((t, index) => ({
          rank: t.status === 'overdue' ? 6 + index : 32 + index,
          for: [trainingRoutes.mine.permission, trainingRoutes.startQuiz.permission],
          item: {
            id: `training-${t.id}`,
            title: `Complete the training ${t.course.title}`,
            detail:
              t.status === 'overdue'
                ? `It was due on ${dateWord(t.dueOn)}.`
                : `Due by ${dateWord(t.dueOn)}.`,
            href: `/my-training/${t.id}`,
          },
        })),
      );
    }
    if (ask.holds(trainingRoutes.completion.permission)) {
      const { overall } = await reportFor(ask);
      if (overall.overdue > 0) {
        actions.push({
          rank: 46,
          for: [trainingRoutes.completion.permission],
          item: {
            id: 'training-overdue',
            title: `${countOf(overall.overdue, 'training')} overdue`,
            detail: 'People are late with security awareness training: remind them.',
            href: '/training',
          },
        });
      }
    }
    return actions;
  },
};
