import { findOpenAttempt, listTrainings } from '../../src/server/features/training/repository';
import { organizationToday } from '../../src/server/platform/org-calendar';
import { sessionHeaders } from './factories';
import type { Clinic, Preparation } from './preparations';
import type { TestApp } from './app';
import type { TrainingRow } from '../../src/server/features/training/repository';

const base = '/api/orgs/:orgId';

async function pick(
  t: TestApp,
  clinic: Clinic,
  matches: (row: TrainingRow) => boolean | Promise<boolean>,
  what: string,
): Promise<TrainingRow> {
  const db = t.database.handle.db;
  for (const row of await listTrainings(db, clinic.orgId, { currentOnly: false })) {
    if (await matches(row)) return row;
  }
  throw new Error(`the demo clinic has no training ${what}`);
}

/** Taking a quiz is the learner's own act: the pass signs in as the person the training is for. */
const asLearner =
  (
    matches: (t: TestApp, clinic: Clinic, row: TrainingRow) => boolean | Promise<boolean>,
    what: string,
    attempt = false,
  ): Preparation =>
  async (t, clinic, _contract, clock) => {
    const db = t.database.handle.db;
    const row = await pick(t, clinic, (r) => matches(t, clinic, r), what);
    if (!row.user_id) throw new Error('a learner without an account');
    const open = attempt ? await findOpenAttempt(db, clinic.orgId, row.id) : undefined;
    return {
      headers: await sessionHeaders(db, clock, row.user_id, clinic.orgId),
      id: (param, nth) =>
        param === 'personTrainingId'
          ? row.id
          : param === 'attemptId' && open
            ? open.id
            : clinic.id(param, nth),
    };
  };

/**
 * The quiz passes need a learner with an account and a course in the right state (the demo has
 * them: one started, others not); certificates need a completion; recording one needs an external
 * course not yet completed.
 */
export const TRAINING_PREPARATIONS: Record<string, Preparation> = {
  [`POST ${base}/my-training/:personTrainingId/attempts`]: asLearner(
    async (t, clinic, r) =>
      r.user_id !== null &&
      r.course_kind === 'module' &&
      r.completed_at === null &&
      r.is_current === 1 &&
      !(await findOpenAttempt(t.database.handle.db, clinic.orgId, r.id)),
    'to start',
  ),
  [`POST ${base}/my-training/:personTrainingId/attempts/:attemptId/submit`]: asLearner(
    async (t, clinic, r) =>
      r.user_id !== null &&
      r.completed_at === null &&
      (await findOpenAttempt(t.database.handle.db, clinic.orgId, r.id)) !== undefined,
    'with a quiz open',
    true,
  ),
  [`GET ${base}/my-training/:personTrainingId/certificate.pdf`]: asLearner(
    (_t, _c, r) => r.user_id !== null && r.certificate_evidence_id !== null,
    'completed by a member',
  ),
  [`GET ${base}/training/records/:personTrainingId/certificate.pdf`]: async (
    t,
    clinic,
    contract,
    clock,
  ) => {
    const row = await pick(t, clinic, (r) => r.certificate_evidence_id !== null, 'completed');
    const person = clinic.personFor(contract);
    return {
      headers: await sessionHeaders(t.database.handle.db, clock, person.userId, clinic.orgId),
      id: (param, nth) => (param === 'personTrainingId' ? row.id : clinic.id(param, nth)),
    };
  },
  [`POST ${base}/training/records/:personTrainingId/complete`]: async (
    t,
    clinic,
    contract,
    clock,
  ) => {
    const db = t.database.handle.db;
    const row = await pick(
      t,
      clinic,
      (r) => r.course_kind === 'external' && r.completed_at === null,
      'of an external course to record',
    );
    const person = clinic.personFor(contract);
    return {
      headers: await sessionHeaders(db, clock, person.userId, clinic.orgId),
      id: (param, nth) => (param === 'personTrainingId' ? row.id : clinic.id(param, nth)),
      body: { completedOn: await organizationToday(db, clock, clinic.orgId), score: 90 },
    };
  },
};
