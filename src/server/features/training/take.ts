import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { PersonTraining, Quiz } from '../../../contracts/training';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { readJson } from '../../platform/db/json-columns';
import { AppError } from '../../platform/errors';
import { countOf } from '../../../contracts/words';
import { organizationToday } from '../../platform/org-calendar';
import { moduleOf } from './courses';
import { completeTrainingIn, issueCertificate, withCertificate } from './completion';
import { presentTraining } from './presenter';
import { drawQuiz, scoreQuiz, type QuizAnswer } from './quiz';
import {
  findAttempt,
  findCourse,
  findOpenAttempt,
  findPersonByUser,
  findTraining,
  insertAttempt,
  listAttempts,
  listTrainings,
  submitAttemptRow,
  updateTraining,
  type TrainingRow,
} from './repository';
import type { TrainingAttemptsTable } from './tables';

function userOf(context: AuditContext): string {
  if (context.actor.type !== 'user' || context.actor.id === null) {
    throw new AppError('forbidden', 'A person takes training, not a token.');
  }
  return context.actor.id;
}

/**
 * One training record of the person acting (their roster entry is linked to their account); any
 * other answers 404, whoever's it is (design.md §6.1: no existence leaks).
 */
export async function myTraining(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<TrainingRow> {
  const row = await findTraining(deps.database.db, orgId, id);
  if (!row?.user_id || row.user_id !== userOf(context)) {
    throw new AppError('not_found', 'No such training of yours.');
  }
  return row;
}

const ORDER = { overdue: 0, failed: 1, in_progress: 2, not_started: 3, passed: 4 } as const;

/** 164.308(a)(5)(i): the training assigned to me: current cycles, and earlier completions. */
export async function listMyTraining(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
): Promise<{ data: PersonTraining[] }> {
  return listTrainingOfUser(deps, orgId, userOf(context));
}

/** The training of the roster person linked to a member's account; none when not linked. */
export async function listTrainingOfUser(
  deps: AppDeps,
  orgId: string,
  userId: string,
): Promise<{ data: PersonTraining[] }> {
  const db = deps.database.db;
  const person = await findPersonByUser(db, orgId, userId);
  if (!person) return { data: [] };
  const today = await organizationToday(db, deps.clock, orgId);
  const rows = await listTrainings(db, orgId, { personId: person.id, currentOnly: false });
  return {
    data: rows
      .filter((r) => r.is_current === 1 || r.completed_at !== null)
      .map((r) => presentTraining(r, today))
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.dueOn.localeCompare(b.dueOn)),
  };
}

function quizOf(attempt: TrainingAttemptsTable): Quiz {
  const module = moduleOf(attempt.module_id);
  if (!module) {
    throw new AppError('conflict', 'This course is no longer offered: ask your Security Official.');
  }
  const drawn = drawQuiz(module, attempt.seed);
  const ids = readJson('training_attempts.question_ids', attempt.question_ids);
  if (drawn.questions.map((q) => q.id).join('\n') !== ids.join('\n')) {
    // The course changed since the draw: the stored ids are what will be scored.
    throw new AppError(
      'conflict',
      `The course "${module.title}" changed since this quiz was drawn: start the quiz again.`,
    );
  }
  return {
    attemptId: attempt.id,
    passMark: drawn.passMark,
    // Built field by field: no correct flag or explanation exists in a drawn quiz (quiz.ts).
    questions: drawn.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
    })),
  };
}

/** A course assigned to me: its pages (modules) or its link, and my open quiz if any. */
export async function getMyCourse(deps: AppDeps, context: AuditContext, orgId: string, id: string) {
  const db = deps.database.db;
  const row = await myTraining(deps, context, orgId, id);
  const today = await organizationToday(db, deps.clock, orgId);
  const base = presentTraining(row, today);
  if (row.course_kind === 'module') {
    const module = moduleOf(row.course_key);
    const open = row.completed_at === null ? await findOpenAttempt(db, orgId, id) : undefined;
    return {
      ...base,
      summary: module?.summary ?? '',
      minutes: module?.minutes ?? null,
      passMark: module?.passMark ?? null,
      url: null,
      pages: (module?.pages ?? []).map((p) => ({ title: p.title, body: p.body })),
      openQuiz: open ? quizOf(open) : null,
    };
  }
  const course = await findCourse(db, orgId, row.course_key);
  return {
    ...base,
    summary: course?.summary ?? '',
    minutes: null,
    passMark: null,
    url: course?.url ?? null,
    pages: [],
    openQuiz: null,
  };
}

/**
 * Draws my quiz (164.308(a)(5)): a random seed and the questions it draws are stored with the
 * attempt, so the server scores exactly what it showed. An attempt still open is given back (the
 * same questions), so reloading cannot fish for an easier draw; a new one is drawn after a
 * submission.
 */
/** Failed attempts allowed within a day before the quiz waits (164.308(a)(5): training, not guessing). */
export const FAILED_PER_DAY = 3;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export async function startQuiz(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<Quiz> {
  const row = await myTraining(deps, context, orgId, id);
  if (row.course_kind !== 'module') {
    throw new AppError(
      'conflict',
      `${row.course_title} has no quiz: your manager records its completion.`,
    );
  }
  if (row.completed_at !== null) {
    throw new AppError('conflict', `You have already completed ${row.course_title}.`);
  }
  const module = moduleOf(row.course_key);
  if (!module) throw new AppError('conflict', 'This course is no longer offered.');
  const now = deps.clock.now().toISOString();
  const attempt = await deps.database.db.transaction().execute(async (trx) => {
    const open = await findOpenAttempt(trx, orgId, id);
    if (open) return open;
    // Each result says which answers were wrong: without a bound, guessing passes in a few tries.
    const since = new Date(deps.clock.now().getTime() - DAY_MS).toISOString();
    const failed = (await listAttempts(trx, orgId, [id])).filter(
      (a) => a.passed === 0 && a.submitted_at !== null && a.submitted_at >= since,
    );
    const first = failed[failed.length - FAILED_PER_DAY]?.submitted_at;
    if (failed.length >= FAILED_PER_DAY && first) {
      const hours = Math.max(
        1,
        Math.ceil((Date.parse(first) + DAY_MS - deps.clock.now().getTime()) / HOUR_MS),
      );
      throw new AppError(
        'conflict',
        `You have not passed this quiz ${FAILED_PER_DAY} times in the last day. Read the course again; you can try again in ${countOf(hours, 'hour')}.`,
      );
    }
    const seed = randomBytes(16).toString('hex');
    const drawn = drawQuiz(module, seed);
    const created: TrainingAttemptsTable = {
      id: uuidv7(),
      org_id: orgId,
      person_assignment_id: id,
      module_id: module.id,
      seed,
      question_ids: JSON.stringify(drawn.questions.map((q) => q.id)),
      started_at: now,
      submitted_at: null,
      score: null,
      passed: null,
    };
    await insertAttempt(trx, created);
    if (row.started_at === null) await updateTraining(trx, orgId, id, { started_at: now });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training.quiz_started',
      entity: { type: 'training', id },
      changes: {
        course: { after: row.course_title },
        questions: { after: drawn.questions.length },
      },
    });
    return created;
  });
  return quizOf(attempt);
}

/**
 * Scores my answers on the server against the questions stored with the attempt (never ids the
 * client sends); a pass completes the course and issues its certificate, a failure counts and
 * leaves the course to retake with a new draw.
 */
export async function submitQuiz(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  attemptId: string,
  answers: readonly QuizAnswer[],
) {
  const db = deps.database.db;
  const row = await myTraining(deps, context, orgId, id);
  const attempt = await findAttempt(db, orgId, id, attemptId);
  if (!attempt) throw new AppError('not_found', 'No such quiz of yours.');
  if (attempt.submitted_at !== null) {
    throw new AppError('conflict', 'This quiz was already submitted: start the quiz again.');
  }
  const module = moduleOf(attempt.module_id);
  if (!module) throw new AppError('conflict', 'This course is no longer offered.');
  const result = scoreQuiz(
    module,
    readJson('training_attempts.question_ids', attempt.question_ids),
    answers,
  );
  const today = await organizationToday(db, deps.clock, orgId);
  const now = deps.clock.now().toISOString();
  const certificate = result.passed
    ? await issueCertificate(deps, orgId, row, {
        completedOn: today,
        score: result.score,
        passMark: module.passMark,
        recordedBy: null,
      })
    : null;
  const write = () =>
    db.transaction().execute(async (trx) => {
      const submitted = await submitAttemptRow(trx, orgId, attemptId, {
        submitted_at: now,
        score: result.score,
        passed: result.passed ? 1 : 0,
      });
      if (!submitted) {
        throw new AppError('conflict', 'This quiz was already submitted: start the quiz again.');
      }
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'training.quiz_submitted',
        entity: { type: 'training', id },
        changes: {
          course: { after: row.course_title },
          score: { after: result.score },
          passed: { after: result.passed },
        },
      });
      if (certificate) {
        await completeTrainingIn(trx, deps, context, orgId, row, certificate, {
          completedOn: today,
          score: result.score,
          completedBy: null,
        });
      } else {
        await updateTraining(trx, orgId, id, { failed_attempts: row.failed_attempts + 1 });
      }
    });
  await (certificate ? withCertificate(deps, certificate, write) : write());
  const after = await myTraining(deps, context, orgId, id);
  return {
    score: result.score,
    passMark: module.passMark,
    passed: result.passed,
    correctCount: result.correctCount,
    total: result.total,
    questions: result.questions.map((q) => ({
      id: q.id,
      answered: q.answered,
      correct: q.correct,
      explanation: q.explanation,
    })),
    training: presentTraining(after, today),
  };
}
