import { z } from 'zod';
import type { Role } from '../../../contracts/roles';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { listDepartments } from '../people/departments';
import { assignTraining } from './assignments';
import { completeTrainingIn, issueCertificate } from './completion';
import { moduleOf } from './courses';
import { createExternalCourse } from './courses';
import { listTrainings, findOpenAttempt } from './repository';
import { startQuiz, submitQuiz } from './take';
import { syncTrainingIn } from './sync';
import { readJson } from '../../platform/db/json-columns';

// The demo clinic's training, so that every state shows: completed (by quiz, and recorded for an
// external course), in progress, failed once, not started and overdue.
const STAFF: Role[] = [
  'owner',
  'admin',
  'security_officer',
  'privacy_officer',
  'contributor',
  'workforce',
];

const as = (context: AuditContext, userId: string): AuditContext => ({
  ...context,
  actor: { type: 'user', id: userId, label: 'demo' },
});
const at = (deps: AppDeps, date: string): AppDeps => ({
  ...deps,
  clock: { now: () => new Date(`${date}T15:00:00Z`) },
});

/** Answers to a drawn quiz: right, or wrong for every question. */
async function answersFor(deps: AppDeps, orgId: string, trainingId: string, right: boolean) {
  const attempt = await findOpenAttempt(deps.database.db, orgId, trainingId);
  if (!attempt) throw new Error('demo: no quiz open');
  const module = moduleOf(attempt.module_id);
  if (!module) throw new Error('demo: no such module');
  const ids = readJson('training_attempts.question_ids', attempt.question_ids);
  return {
    attemptId: attempt.id,
    answers: ids.map((questionId) => {
      const question = module.questions.find((q) => q.id === questionId);
      const options = question?.options ?? [];
      const chosen = right
        ? options.filter((o) => o.correct)
        : options.filter((o) => !o.correct).slice(0, 1);
      return { questionId, optionIds: chosen.map((o) => o.id) };
    }),
  };
}

const training = demoStep(96, z.unknown(), async (clinic) => {
  const { deps, context, orgId, person, today } = clinic;
  const db = deps.database.db;
  const priya = as(context, person('priya'));
  const departments = new Map((await listDepartments(deps, orgId)).data.map((d) => [d.name, d.id]));
  const departmentId = (name: string) => {
    const id = departments.get(name);
    if (!id) throw new Error(`demo: no department ${name}`);
    return id;
  };
  await assignTraining(at(deps, addDays(today, -60)), priya, orgId, {
    courseId: 'hipaa-basics',
    frequency: 'once',
    dueDays: 30,
    roles: [],
    departmentIds: ['Clinical', 'Front desk', 'Billing'].map(departmentId),
    personIds: [],
  });
  await assignTraining(at(deps, addDays(today, -10)), priya, orgId, {
    courseId: 'phishing',
    frequency: 'yearly',
    dueDays: 30,
    roles: STAFF,
    departmentIds: [],
    personIds: [],
  });
  const webinar = await createExternalCourse(at(deps, addDays(today, -20)), priya, orgId, {
    title: 'Network security for IT staff (vendor webinar)',
    summary: 'A recorded webinar of our network vendor on segmentation and remote access.',
    url: 'https://learning.example/network-security-webinar',
  });
  await assignTraining(at(deps, addDays(today, -20)), priya, orgId, {
    courseId: webinar.id,
    frequency: 'once',
    dueDays: 30,
    roles: [],
    departmentIds: [departmentId('IT')],
    personIds: [],
  });
  const now = deps.clock.now().toISOString();
  await db.transaction().execute((trx) => syncTrainingIn(trx, orgId, today, now));

  const rows = await listTrainings(db, orgId, { currentOnly: true });
  const of = (userKey: string, course: string) => {
    const userId = person(userKey);
    const row = rows.find((r) => r.user_id === userId && r.course_key === course);
    if (!row) throw new Error(`demo: ${userKey} has no ${course}`);
    return row;
  };
  const take = async (userKey: string, course: string, date: string, right: boolean) => {
    const row = of(userKey, course);
    const learner = as(context, person(userKey));
    await startQuiz(at(deps, date), learner, orgId, row.id);
    const { attemptId, answers } = await answersFor(deps, orgId, row.id, right);
    await submitQuiz(at(deps, date), learner, orgId, row.id, attemptId, answers);
  };
  // Passed by quiz; failed once (then overdue, and failed within its time); in progress.
  await take('grace', 'hipaa-basics', addDays(today, -50), true);
  await take('sam', 'hipaa-basics', addDays(today, -40), false);
  await take('dana', 'phishing', addDays(today, -3), true);
  await take('tom', 'phishing', addDays(today, -5), false);
  await startQuiz(
    at(deps, addDays(today, -1)),
    as(context, person('marcus')),
    orgId,
    of('marcus', 'phishing').id,
  );

  // People without an account did the basics on paper in the first weeks: recorded completions.
  const paper = rows
    .filter((r) => r.course_key === 'hipaa-basics' && r.user_id === null)
    .slice(0, 9);
  for (const [index, row] of paper.entries()) {
    const completedOn = addDays(today, -55 + index * 3);
    const certificate = await issueCertificate(deps, orgId, row, {
      completedOn,
      score: 80 + (index % 3) * 10,
      passMark: null,
      recordedBy: 'Priya Raman',
    });
    await db.transaction().execute((trx) =>
      completeTrainingIn(trx, deps, priya, orgId, row, certificate, {
        completedOn,
        score: 80 + (index % 3) * 10,
        completedBy: person('priya'),
      }),
    );
  }
  // The IT lead recorded the webinar for one of the two people it was asked of.
  const webinarRow = rows.find((r) => r.course_key === webinar.id && r.user_id === null);
  if (webinarRow) {
    const completedOn = addDays(today, -6);
    const certificate = await issueCertificate(deps, orgId, webinarRow, {
      completedOn,
      score: null,
      passMark: null,
      recordedBy: 'Priya Raman',
    });
    await db.transaction().execute((trx) =>
      completeTrainingIn(trx, deps, priya, orgId, webinarRow, certificate, {
        completedOn,
        score: null,
        completedBy: person('priya'),
      }),
    );
  }
});

export const trainingDemo = [training];
