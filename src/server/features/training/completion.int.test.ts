import { describe, expect, it } from 'vitest';
import type {
  AssignmentBody,
  CompletionReport,
  PersonRates,
  PersonTraining,
} from '../../../contracts/training';
import { testDatabaseKind } from '../../../../test/support/database';
import { nurseWithCourse, rosterCopyOf, setUp } from '../../../../test/support/training';

describe(`assignments and completion, on ${testDatabaseKind()}`, () => {
  it('asks yearly training again a year on, and at-hire training only of new hires', async () => {
    const s = await setUp();
    const front = await s.department('Front desk');
    const old = await s.person('Olga Old', front, null, '2020-01-01');
    await s.person('Finn Fresh', front, null, '2026-06-01');
    await s.person('Lena Later', front, null, '2026-06-20');
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
  });

  it("counts again after every change, the sweep's new records included, and audits those", async () => {
    const s = await setUp();
    const front = await s.department('Front desk');
    await s.person('Olga Old', front);
    await s.ok(s.official, 'POST', '/training/assignments', {
      courseId: 'phishing',
      frequency: 'yearly',
      dueDays: 30,
      roles: [],
      departmentIds: [front],
      personIds: [],
    });
    const assigned = async () =>
      (await s.ok(s.official, 'GET', '/training/completion')).json<CompletionReport>().overall
        .assigned;
    expect(await assigned()).toBe(1);
    // A new person of the department is asked at once, by whoever added them (training at hire).
    const finn = await s.person('Finn Fresh', front);
    expect(await assigned()).toBe(2);
    // One who reached the roster another way (an import) is asked at the next sweep, same day.
    await rosterCopyOf(s, finn, 'Ida Imported');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    expect(await assigned()).toBe(3);
    const events = await s.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type', 'changes'])
      .where('org_id', '=', s.org.id)
      .where('action', '=', 'training.cycles_added')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.action, e.actor_type])).toEqual([
      ['training.cycles_added', 'user'],
      ['training.cycles_added', 'system'],
    ]);
  });

  it('records an external completion only by another official, and not from years before', async () => {
    const s = await setUp();
    const it_ = await s.department('IT');
    await s.person('Olga Official', it_, s.official.user.id);
    await s.person('Ivan Admin', it_);
    const course = (
      await s.ok(s.official, 'POST', '/training/courses', {
        title: 'CPR refresher',
        url: 'https://cpr.example/course',
      })
    ).json<{ id: string }>().id;
    await s.ok(s.official, 'POST', '/training/assignments', {
      courseId: course,
      frequency: 'once',
      dueDays: 30,
      roles: [],
      departmentIds: [it_],
      personIds: [],
    });
    const records = (await s.ok(s.official, 'GET', '/training/records')).json<{
      data: PersonTraining[];
    }>().data;
    const own = records.find((r) => r.person.name === 'Olga Official');
    const other = records.find((r) => r.person.name === 'Ivan Admin');
    const mine = await s.call(s.official, 'POST', `/training/records/${own?.id}/complete`, {
      completedOn: '2026-05-30',
    });
    expect(mine.statusCode).toBe(409);
    expect(mine.json<{ error: { message: string } }>().error.message).toMatch(
      /your own completion/,
    );
    const old = await s.call(s.official, 'POST', `/training/records/${other?.id}/complete`, {
      completedOn: '1990-01-01',
    });
    expect(old.statusCode).toBe(400);
    expect(old.body).toContain('body.completedOn');
    await s.ok(s.official, 'POST', `/training/records/${other?.id}/complete`, {
      completedOn: '2025-07-01',
    });
    const after = (await s.ok(s.official, 'GET', '/training/records')).json<{
      data: PersonTraining[];
    }>().data;
    expect(after.map((r) => [r.person.name, r.completedOn]).sort()).toEqual([
      ['Ivan Admin', '2025-07-01'],
      ['Olga Official', null],
    ]);
    // A built-in module: passed in Custos by who can sign in, recorded for who cannot.
    await s.ok(s.official, 'POST', '/training/assignments', {
      courseId: 'phishing',
      frequency: 'once',
      dueDays: 30,
      roles: [],
      departmentIds: [it_],
      personIds: [],
    });
    const modules = (await s.ok(s.official, 'GET', '/training/records'))
      .json<{
        data: PersonTraining[];
      }>()
      .data.filter((r) => r.course.id === 'phishing');
    expect(modules.map((r) => [r.person.name, r.takesQuiz]).sort()).toEqual([
      ['Ivan Admin', false],
      ['Olga Official', true],
    ]);
    const ivan = modules.find((r) => !r.takesQuiz);
    const olga = modules.find((r) => r.takesQuiz);
    await s.ok(s.official, 'POST', `/training/records/${ivan?.id}/complete`, {
      completedOn: '2026-06-01',
      score: 90,
    });
    const byQuiz = await s.call(s.official, 'POST', `/training/records/${olga?.id}/complete`, {
      completedOn: '2026-06-01',
    });
    expect(byQuiz.statusCode).toBe(409);
    expect(byQuiz.json<{ error: { message: string } }>().error.message).toMatch(/passing its quiz/);
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
    // The records come a page at a time, in the same order.
    const firstRecords = (await s.ok(s.official, 'GET', '/training/records?limit=7')).json<{
      data: PersonTraining[];
      nextCursor: string | null;
    }>();
    const secondRecords = (
      await s.ok(s.official, 'GET', `/training/records?limit=7&cursor=${firstRecords.nextCursor}`)
    ).json<{ data: PersonTraining[] }>();
    expect([...firstRecords.data, ...secondRecords.data]).toEqual(records.slice(0, 14));
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
    const byPerson = (
      await s.ok(s.official, 'GET', '/training/completion/people?limit=200')
    ).json<PersonRates>();
    expect(byPerson.total).toBe(personIds.length);
    expect(
      Object.fromEntries(
        byPerson.data.map((p) => [
          p.person.id,
          { ...p, person: undefined, department: p.department?.id ?? null },
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        personIds.map((id) => [
          id,
          {
            person: undefined,
            department: byId.get(id)?.department ?? null,
            ...tally(counted.filter((r) => r.person.id === id)),
          },
        ]),
      ),
    );
    // Lowest rate first, then by name; a page at a time; by department and by name.
    const rates = byPerson.data.map((p) => (p.rate ?? 0) * 1000 + Number(p.person.name.slice(7)));
    expect(rates).toEqual(rates.toSorted((a, b) => a - b));
    const first = (
      await s.ok(s.official, 'GET', '/training/completion/people?limit=5')
    ).json<PersonRates>();
    const second = (
      await s.ok(
        s.official,
        'GET',
        `/training/completion/people?limit=5&cursor=${first.nextCursor}`,
      )
    ).json<PersonRates>();
    expect([...first.data, ...second.data]).toEqual(byPerson.data.slice(0, 10));
    const none = (
      await s.ok(s.official, 'GET', '/training/completion/people?departmentId=none&limit=200')
    ).json<PersonRates>();
    expect(none.data.map((p) => p.person.id).sort()).toEqual(
      personIds.filter((id) => byId.get(id)?.department === null).sort(),
    );
    const named = (
      await s.ok(s.official, 'GET', '/training/completion/people?q=person%2002')
    ).json<PersonRates>();
    expect(named.data.map((p) => p.person.name)).toEqual(['Person 02']);
    expect(
      (await s.call(s.official, 'GET', '/training/completion/people?cursor=x')).statusCode,
    ).toBe(400);

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
