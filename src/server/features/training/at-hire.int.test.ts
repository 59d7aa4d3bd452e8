import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/support/database';
import { setUp } from '../../../../test/support/training';

describe(`training asked at hire on ${testDatabaseKind()}`, () => {
  it('asks a new hire, and a person moved into a department, for its existing training at once', async () => {
    const s = await setUp();
    const nursing = await s.department('Nursing');
    const front = await s.department('Front desk');
    for (const frequency of ['once', 'at_hire'] as const) {
      await s.ok(s.official, 'POST', '/training/assignments', {
        courseId: 'phishing',
        frequency,
        dueDays: 14,
        roles: [],
        departmentIds: [nursing],
        personIds: [],
      });
    }
    const trainings = (personId: string) =>
      s.db
        .selectFrom('training_person_assignments')
        .innerJoin(
          'training_assignments',
          'training_assignments.id',
          'training_person_assignments.assignment_id',
        )
        .select(['training_assignments.frequency', 'training_person_assignments.due_on'])
        .where('training_person_assignments.person_id', '=', personId)
        .orderBy('training_assignments.frequency')
        .execute();
    // Hired today into Nursing: both, due 14 days after the start, without waiting for a sweep.
    const hired = await s.person('Nia Newhire', nursing, null, '2026-06-01');
    expect(await trainings(hired)).toEqual([
      { frequency: 'at_hire', due_on: '2026-06-15' },
      { frequency: 'once', due_on: '2026-06-15' },
    ]);
    const asked = await s.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('org_id', '=', s.org.id)
      .where('action', '=', 'training.cycles_added')
      .execute();
    expect(asked).toEqual([{ entity_id: hired }]);
    // Moved from the front desk into Nursing: the department's once training.
    const moved = await s.person('Mo Mover', front);
    expect(await trainings(moved)).toEqual([]);
    await s.ok(s.official, 'PATCH', `/people/${moved}`, { departmentId: nursing });
    expect(await trainings(moved)).toEqual([{ frequency: 'once', due_on: '2026-06-15' }]);
  });
});
