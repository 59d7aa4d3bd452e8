import { describe, expect, it } from 'vitest';
import type { Quiz, QuizResultSchema } from '../../../contracts/training';
import { trainingRoutes } from '../../../contracts/training';
import type { z } from 'zod';
import { testDatabaseKind } from '../../../../test/support/database';
import { tokenHeaders } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { nurseWithCourse, rightAnswers, setUp } from '../../../../test/support/training';
import { loadTrainingModules } from './content';

type QuizResult = z.infer<typeof QuizResultSchema>;

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([trainingRoutes]);

describe(`taking a course, on ${testDatabaseKind()}`, () => {
  it('never sends the answers before submission, and scores only on the server', async () => {
    const s = await setUp();
    const mine = await nurseWithCourse(s);
    expect(mine).toMatchObject({ status: 'not_started', course: { id: 'phishing' } });
    const course = await s.ok(s.nurse, 'GET', `/my-training/${mine.id}`);
    const started = await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts`);
    expect(started.statusCode).toBe(201);
    const quiz = started.json<Quiz>();
    expect(quiz.questions).toHaveLength(8);
    // No correct flag, explanation or "Why" in anything the learner received before submitting.
    for (const body of [course.body, started.body]) {
      expect(body).not.toMatch(/"correct"|explanation|"why"/i);
    }
    // Reloading gives back the same draw: no fishing for an easier quiz.
    const again = (await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts`)).json<Quiz>();
    expect(again).toEqual(quiz);
    const reopened = (await s.ok(s.nurse, 'GET', `/my-training/${mine.id}`)).json<{
      openQuiz: Quiz | null;
    }>();
    expect(reopened.openQuiz).toEqual(quiz);

    // A client claiming a pass, or answering questions not drawn, gets no pass.
    const claimed = await s.call(
      s.nurse,
      'POST',
      `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`,
      {
        answers: [{ questionId: 'not-drawn', optionIds: ['abc'] }],
        passed: true,
      },
    );
    expect(claimed.statusCode).toBe(400);
    const other = loadTrainingModules()
      .find((m) => m.id === 'phishing')
      ?.questions.find((q) => !quiz.questions.some((d) => d.id === q.id));
    if (!other) throw new Error('a question not drawn');
    const foreign = await s.call(
      s.nurse,
      'POST',
      `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`,
      {
        answers: [
          {
            questionId: other.id,
            optionIds: other.options.filter((o) => o.correct).map((o) => o.id),
          },
        ],
      },
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { message: string } }>().error.message).toContain(
      'not in this quiz',
    );

    // Every option of every question chosen is no pass either.
    const everything = quiz.questions.map((q) => ({
      questionId: q.id,
      optionIds: q.kind === 'single' ? [q.options[0]?.id ?? ''] : q.options.map((o) => o.id),
    }));
    const failed = (
      await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`, {
        answers: everything,
      })
    ).json<QuizResult>();
    expect(failed.passed).toBe(false);
    expect(failed.training).toMatchObject({
      status: 'failed',
      failedAttempts: 1,
      hasCertificate: false,
    });
    expect(failed.questions.every((q) => q.explanation.length > 0)).toBe(true);
    // Submitted once: not again.
    const twice = await s.call(
      s.nurse,
      'POST',
      `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`,
      {
        answers: rightAnswers('phishing', quiz.questions),
      },
    );
    expect(twice.statusCode).toBe(409);

    // A retry draws anew (a new attempt, its own seed), and the right answers pass.
    const retry = (await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts`)).json<Quiz>();
    expect(retry.attemptId).not.toBe(quiz.attemptId);
    const passed = (
      await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts/${retry.attemptId}/submit`, {
        answers: rightAnswers('phishing', retry.questions),
      })
    ).json<QuizResult>();
    expect(passed).toMatchObject({ passed: true, score: 100 });
    expect(passed.training).toMatchObject({
      status: 'passed',
      completedOn: '2026-06-01',
      score: 100,
      hasCertificate: true,
    });
    const stored = await s.db
      .selectFrom('training_attempts')
      .select(['seed', 'question_ids', 'score', 'passed'])
      .where('person_assignment_id', '=', mine.id)
      .orderBy('started_at')
      .execute();
    expect(stored).toHaveLength(2);
    expect(stored.map((a) => a.passed)).toEqual([0, 1]);
    expect(JSON.parse(stored[1]?.question_ids ?? '[]')).toEqual(retry.questions.map((q) => q.id));
    expect(stored[0]?.seed).not.toBe(stored[1]?.seed);

    // The certificate: a PDF from the vault, for the learner and for the official; audited.
    const pdf = await s.ok(s.nurse, 'GET', `/my-training/${mine.id}/certificate.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const official = await s.ok(s.official, 'GET', `/training/records/${mine.id}/certificate.pdf`);
    expect(official.rawPayload.equals(pdf.rawPayload)).toBe(true);
    const evidence = await s.db
      .selectFrom('evidence_items')
      .select(['file_type', 'title'])
      .where('org_id', '=', s.org.id)
      .execute();
    expect(evidence).toEqual([
      {
        file_type: 'application/pdf',
        title: 'Training certificate: Phishing and social engineering, Nora Nurse',
      },
    ]);
    const actions = (
      await s.db.selectFrom('audit_events').select('action').where('chain', '=', s.org.id).execute()
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'training.quiz_started',
        'training.quiz_submitted',
        'training.completed',
        'training.certificate_downloaded',
      ]),
    );
  });

  it('lets a quiz be failed three times a day, then asks to read the course again', async () => {
    const s = await setUp();
    const mine = await nurseWithCourse(s);
    const start = () => s.call(s.nurse, 'POST', `/my-training/${mine.id}/attempts`);
    for (let i = 0; i < 3; i++) {
      s.clock.set(`2026-06-01T1${5 + i}:00:00.000Z`);
      const quiz = (await start()).json<Quiz>();
      await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`, {
        answers: [],
      });
    }
    s.clock.set('2026-06-01T18:00:00.000Z');
    const waiting = await start();
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json<{ error: { message: string } }>().error.message).toBe(
      'You have not passed this quiz 3 times in the last day. Read the course again; you can try again in 21 hours.',
    );
    // A day after the first of the three, one more try.
    s.clock.set('2026-06-02T15:00:01.000Z');
    const quiz = (await start()).json<Quiz>();
    const passed = (
      await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`, {
        answers: rightAnswers('phishing', quiz.questions),
      })
    ).json<QuizResult>();
    expect(passed.passed).toBe(true);
  });

  it("refuses another person's training and attempts, and what a role may not do", async () => {
    const s = await setUp();
    const mine = await nurseWithCourse(s);
    await s.person('Clara Clerk', null, s.clerk.user.id);
    const quiz = (await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts`)).json<Quiz>();
    for (const [method, url] of [
      ['GET', `/my-training/${mine.id}`],
      ['POST', `/my-training/${mine.id}/attempts`],
      ['GET', `/my-training/${mine.id}/certificate.pdf`],
    ] as const) {
      expect((await s.call(s.clerk, method, url)).statusCode).toBe(404);
    }
    const theirs = await s.call(
      s.clerk,
      'POST',
      `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`,
      {
        answers: rightAnswers('phishing', quiz.questions),
      },
    );
    expect(theirs.statusCode).toBe(404);
    // A workforce member sees nothing else of training; an auditor reads, writes nothing.
    expect((await s.call(s.nurse, 'GET', '/training/completion')).statusCode).toBe(403);
    expect((await s.call(s.nurse, 'GET', '/training/assignments')).statusCode).toBe(403);
    expect((await s.call(s.auditor, 'GET', '/training/completion')).statusCode).toBe(200);
    expect(
      (
        await s.call(s.auditor, 'POST', '/training/assignments', {
          courseId: 'phishing',
          frequency: 'once',
          dueDays: 10,
          roles: ['workforce'],
          departmentIds: [],
          personIds: [],
        })
      ).statusCode,
    ).toBe(403);
    // A token never takes a quiz (a person's own act).
    const token = await tokenHeaders(s.db, s.clock, s.nurse.user.id, s.org.id, 'workforce');
    const byToken = await s.t.app.inject({
      method: 'POST',
      url: `/api/orgs/${s.org.id}/my-training/${mine.id}/attempts`,
      headers: token,
    });
    expect(byToken.statusCode).toBe(403);
  });

  it('names the field of a bad assignment and writes nothing', async () => {
    const s = await setUp();
    const cases: [unknown, string][] = [
      [
        {
          courseId: 'no-such-course',
          frequency: 'once',
          dueDays: 5,
          roles: ['workforce'],
          departmentIds: [],
          personIds: [],
        },
        'body.courseId',
      ],
      [
        {
          courseId: 'phishing',
          frequency: 'once',
          dueDays: 0,
          roles: ['workforce'],
          departmentIds: [],
          personIds: [],
        },
        'body.dueDays',
      ],
      [
        {
          courseId: 'phishing',
          frequency: 'once',
          dueDays: 5,
          roles: [],
          departmentIds: [],
          personIds: [],
        },
        'body.roles',
      ],
      [
        {
          courseId: 'phishing',
          frequency: 'once',
          dueDays: 5,
          roles: [],
          departmentIds: ['0190a6f2-0000-7000-8000-000000000001'],
          personIds: [],
        },
        'body.departmentIds.0',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await s.call(s.official, 'POST', '/training/assignments', payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(field);
    }
    const bad = await s.call(s.official, 'POST', '/training/courses', {
      title: 'Webinar\u202e',
      url: 'https://x.example/a',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.title');
    expect(await s.db.selectFrom('training_assignments').selectAll().execute()).toEqual([]);
    expect(await s.db.selectFrom('training_courses').selectAll().execute()).toEqual([]);
  });
});
