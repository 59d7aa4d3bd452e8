import { randomUUID } from 'node:crypto';
import type { PersonTraining } from '../../src/contracts/training';
import { loadTrainingModules } from '../../src/server/features/training/content';
import { testApps } from './app';
import { buildMember, buildOrganization, sessionHeaders, testClock } from './factories';

const startApp = testApps();

interface Who {
  user: { id: string };
}
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** An organization with an official, an auditor, a contributor and two workforce members. */
export async function setUp() {
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

export type Setup = Awaited<ReturnType<typeof setUp>>;

/** The right options of each drawn question, read from the shipped bank (the server's content). */
export function rightAnswers(moduleId: string, questions: readonly { id: string }[]) {
  const module = loadTrainingModules().find((m) => m.id === moduleId);
  if (!module) throw new Error(`no module ${moduleId}`);
  return questions.map((q) => ({
    questionId: q.id,
    optionIds: (module.questions.find((b) => b.id === q.id)?.options ?? [])
      .filter((o) => o.correct)
      .map((o) => o.id),
  }));
}

export async function nurseWithCourse(s: Setup, moduleId = 'phishing') {
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

/** A copy of a roster person written straight to the table, as an import does: no training yet. */
export async function rosterCopyOf(s: Setup, personId: string, name: string): Promise<void> {
  const row = await s.db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  await s.db
    .insertInto('people')
    .values({ ...row, id: randomUUID(), number: row.number + 1, name })
    .execute();
}
