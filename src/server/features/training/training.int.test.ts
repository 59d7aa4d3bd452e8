import { describe, expect, it } from 'vitest';
import type {
  AssignmentBody,
  CompletionReport,
  PersonTraining,
  Quiz,
} from '../../../contracts/training';
import { QuizResultSchema, trainingRoutes } from '../../../contracts/training';
import type { z } from 'zod';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { loadTrainingModules } from './content';

type QuizResult = z.infer<typeof QuizResultSchema>;

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([trainingRoutes]);

const startApp = testApps();

type Who = { user: { id: string } };
type Method = 'GET' | 'POST' | 'DELETE';

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const clerk = await buildMember(db, clock, org.id, 'workforce');
  const base = `/api/orgs/${org.id}`;
  const call = async (who: Who, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: await sessionHeaders(db, clock, who.user.id, org.id),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const ok = async (who: Who, method: Method, url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const department = async (name: string) =>
    (await ok(official, 'POST', '/departments', { name })).json<{ id: string }>().id;
  const person = async (
    name: string,
    departmentId: string | null,
    userId: string | null = null,
    startDate = '2025-01-06',
  ) =>
    (
      await ok(official, 'POST', '/people', {
        kind: 'employee',
        name,
        departmentId,
        startDate,
        ...(userId ? { userId } : {}),
      })
    ).json<{ id: string }>().id;
  return {
    t,
    db,
    clock,
    org,
    official,
    auditor,
    contributor,
    nurse,
    clerk,
    call,
    ok,
    department,
    person,
  };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** The right options of each drawn question, read from the shipped bank (the server's content). */
function rightAnswers(moduleId: string, questions: readonly { id: string }[]) {
  const module = loadTrainingModules().find((m) => m.id === moduleId);
  if (!module) throw new Error(`no module ${moduleId}`);
  return questions.map((q) => ({
    questionId: q.id,
    optionIds: (module.questions.find((b) => b.id === q.id)?.options ?? [])
      .filter((o) => o.correct)
      .map((o) => o.id),
  }));
}

async function nurseWithCourse(s: Setup, moduleId = 'phishing') {
  const front = await s.department('Front desk');
  await s.person('Nora Nurse', front, s.nurse.user.id);
  await s.ok(s.official, 'POST', '/training/assignments', {
    courseId: moduleId,
    frequency: 'yearly',
    dueDays: 30,
    roles: [],
    departmentIds: [front],
    personIds: [],
  });
  const [mine] = (await s.ok(s.nurse, 'GET', '/my-training')).json<{ data: PersonTraining[] }>()
    .data;
  if (!mine) throw new Error('the nurse has no training');
  return mine;
}

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

describe(`assignments and completion, on ${testDatabaseKind()}`, () => {
  it('asks yearly training again a year on, and at-hire training only of new hires', async () => {
    const s = await setUp();
    const front = await s.department('Front desk');
    const old = await s.person('Olga Old', front, null, '2020-01-01');
    const fresh = await s.person('Finn Fresh', front, null, '2026-06-01');
    const later = await s.person('Lena Later', front, null, '2026-06-20');
    await s.ok(s.official, 'POST', '/training/assignments', {
      courseId: 'phishing',
      frequency: 'yearly',
      dueDays: 30,
      roles: [],
      departmentIds: [front],
      personIds: [],
    });
    await s.ok(s.official, 'POST', '/training/assignments', {
      courseId: 'hipaa-basics',
      frequency: 'at_hire',
      dueDays: 14,
      roles: [],
      departmentIds: [front],
      personIds: [],
    });
    const records = async () =>
      (await s.ok(s.official, 'GET', '/training/records'))
        .json<{ data: PersonTraining[] }>()
        .data.map((r) => `${r.person.name}|${r.course.id}|${r.assignedOn}|${r.dueOn}`);
    expect((await records()).toSorted()).toEqual([
      'Finn Fresh|hipaa-basics|2026-06-01|2026-06-15',
      'Finn Fresh|phishing|2026-06-01|2026-07-01',
      'Olga Old|phishing|2026-06-01|2026-07-01',
    ]);
    // The sweep brings in Lena on her start date, and the second yearly cycle a year on.
    s.clock.set('2026-06-20T15:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    expect((await records()).filter((r) => r.startsWith('Lena'))).toEqual([
      'Lena Later|hipaa-basics|2026-06-20|2026-07-04',
      'Lena Later|phishing|2026-06-20|2026-07-20',
    ]);
    s.clock.set('2027-06-02T15:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    const cycles = await s.db
      .selectFrom('training_person_assignments')
      .select(['person_id', 'course_key', 'cycle', 'is_current', 'due_on'])
      .where('person_id', '=', old)
      .orderBy('cycle')
      .execute();
    expect(cycles).toEqual([
      { person_id: old, course_key: 'phishing', cycle: 1, is_current: 0, due_on: '2026-07-01' },
      { person_id: old, course_key: 'phishing', cycle: 2, is_current: 1, due_on: '2027-07-01' },
    ]);
    void fresh;
    void later;
  });

  it('reminds the learner, then escalates to the Security Official', async () => {
    const s = await setUp();
    await s.db
      .updateTable('organizations')
      .set({ security_official_id: s.official.user.id })
      .where('id', '=', s.org.id)
      .execute();
    await nurseWithCourse(s);
    s.clock.set('2026-06-20T15:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    const kinds = async () =>
      (
        await s.db
          .selectFrom('notifications')
          .select(['user_id', 'kind'])
          .where('org_id', '=', s.org.id)
          .where('kind', 'in', ['training.due', 'training.overdue', 'training.escalated'])
          .execute()
      )
        .map((n) => `${n.user_id === s.nurse.user.id ? 'nurse' : 'official'}:${n.kind}`)
        .toSorted();
    expect(await kinds()).toEqual(['nurse:training.due']);
    s.clock.set('2026-07-20T15:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    expect(await kinds()).toEqual([
      'nurse:training.due',
      'nurse:training.overdue',
      'official:training.escalated',
    ]);
  });

  it('reports completion rates equal to an independent count over a seeded roster', async () => {
    const s = await setUp();
    const departments = await Promise.all(
      ['Clinical', 'Billing', 'Front desk'].map((d) => s.department(d)),
    );
    const people: { id: string; department: string | null; left: boolean }[] = [];
    for (let i = 0; i < 24; i += 1) {
      const department = i % 4 === 3 ? null : (departments[i % 3] ?? null);
      // Two people left before today: not counted any more.
      const left = i === 5 || i === 17;
      const id = await s.person(`Person ${String(i).padStart(2, '0')}`, department);
      people.push({ id, department, left });
    }
    const external = (
      await s.ok(s.official, 'POST', '/training/courses', {
        title: 'CPR refresher',
        url: 'https://cpr.example/course',
      })
    ).json<{ id: string }>().id;
    const assign = (courseId: string, body: Partial<AssignmentBody>) =>
      s.ok(s.official, 'POST', '/training/assignments', {
        courseId,
        frequency: 'once',
        dueDays: 10,
        roles: [],
        departmentIds: [],
        personIds: [],
        ...body,
      });
    await assign('phishing', { departmentIds: [departments[0] ?? '', departments[1] ?? ''] });
    await assign('passwords-mfa', {
      personIds: people.filter((_, i) => i % 2 === 0).map((p) => p.id),
    });
    await assign(external, { departmentIds: [departments[2] ?? ''] });
    const records = (await s.ok(s.official, 'GET', '/training/records')).json<{
      data: PersonTraining[];
    }>().data;
    // Complete every third record of the external course's people and mark others overdue by time.
    const externals = records.filter((r) => r.course.id === external);
    const completed = new Set<string>();
    for (const [index, r] of externals.entries()) {
      if (index % 2 === 0) {
        await s.ok(s.official, 'POST', `/training/records/${r.id}/complete`, {
          completedOn: '2026-06-01',
          score: 95,
        });
        completed.add(r.id);
      }
    }
    // Module completions written as a pass would leave them (the quiz path is tested above).
    for (const [index, r] of records.filter((x) => x.course.kind === 'module').entries()) {
      if (index % 3 === 0) {
        await s.db
          .updateTable('training_person_assignments')
          .set({ completed_at: '2026-06-01T15:00:00.000Z', completed_on: '2026-06-01', score: 90 })
          .where('id', '=', r.id)
          .execute();
        completed.add(r.id);
      }
    }
    for (const p of people.filter((x) => x.left)) {
      await s.db
        .updateTable('people')
        .set({ end_date: '2026-06-05' })
        .where('id', '=', p.id)
        .execute();
    }
    s.clock.set('2026-06-15T15:00:00.000Z');

    // The independent computation: from the records and the roster as set up, not the report's SQL.
    const byId = new Map(people.map((p) => [p.id, p]));
    const counted = records.filter((r) => !byId.get(r.person.id)?.left);
    const tally = (rows: PersonTraining[]) => {
      const done = rows.filter((r) => completed.has(r.id)).length;
      return {
        assigned: rows.length,
        completed: done,
        overdue: rows.length - done,
        rate: rows.length === 0 ? null : Math.floor((done * 100) / rows.length),
      };
    };
    const report = (await s.ok(s.official, 'GET', '/training/completion')).json<CompletionReport>();
    expect(report.overall).toEqual(tally(counted));
    const courseIds = [...new Set(counted.map((r) => r.course.id))];
    expect(
      Object.fromEntries(report.courses.map((c) => [c.course.id, { ...c, course: undefined }])),
    ).toEqual(
      Object.fromEntries(
        courseIds.map((id) => [
          id,
          { course: undefined, ...tally(counted.filter((r) => r.course.id === id)) },
        ]),
      ),
    );
    const departmentKeys = [
      ...new Set(counted.map((r) => byId.get(r.person.id)?.department ?? null)),
    ];
    expect(
      Object.fromEntries(
        report.departments.map((d) => [
          d.department?.id ?? 'none',
          { ...d, department: undefined },
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        departmentKeys.map((key) => [
          key ?? 'none',
          {
            department: undefined,
            ...tally(counted.filter((r) => (byId.get(r.person.id)?.department ?? null) === key)),
          },
        ]),
      ),
    );
    const personIds = [...new Set(counted.map((r) => r.person.id))];
    expect(
      Object.fromEntries(report.people.map((p) => [p.person.id, { ...p, person: undefined }])),
    ).toEqual(
      Object.fromEntries(
        personIds.map((id) => [
          id,
          { person: undefined, ...tally(counted.filter((r) => r.person.id === id)) },
        ]),
      ),
    );

    // The history for an auditor: every record, as CSV, audited.
    const csv = await s.ok(s.auditor, 'GET', '/training/history.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('person,course,course_kind,frequency,cycle');
    expect(lines).toHaveLength(records.length + 1);
    const one = await s.ok(
      s.auditor,
      'GET',
      `/training/history.csv?personId=${people[0]?.id ?? ''}`,
    );
    expect(
      one.body
        .trim()
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('Person 00,')),
    ).toBe(true);
    const exported = await s.db
      .selectFrom('audit_events')
      .select('action')
      .where('chain', '=', s.org.id)
      .where('action', '=', 'training.exported')
      .execute();
    expect(exported).toHaveLength(2);
  });
});
