import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { breachSetUp } from '../../../../test/support/breach-setup';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember } from '../../../../test/support/factories';
import { COMPLETE_BREACH } from '../../../../test/support/incident-preparations';

// Issue 16 part 3: the breach determination, a guided record of versions (164.402, to be checked).

const stringContaining = (text: string): unknown => expect.stringContaining(text);
type Json = Record<string, unknown>;
const setUp = breachSetUp(testApps());

describe(`breach determinations on ${testDatabaseKind()}`, () => {
  it('records each step with who and when, approves with four eyes, then refuses any change (409); a new version keeps the old one', async () => {
    const { call, so, po, path } = await setUp();
    const first = await call('PATCH', `${path}/breach-determination`, so.headers, {
      phi: COMPLETE_BREACH.phi,
    });
    expect(first.status).toBe(200);
    const draft = first.json();
    expect(draft.version).toBe(1);
    expect(draft.status).toBe('draft');
    expect(draft.discoveredOn).toBe('2026-03-09');
    expect(draft.entityType).toBe('covered_entity');
    expect(draft.saved).toEqual({
      phi: { at: '2026-03-12T15:00:00.000Z', by: { id: so.user.id, name: 'A security_officer' } },
    });
    expect(draft.missing).toEqual([
      'whether an exclusion applies',
      'the dates and the number of people affected',
    ]);
    // Incomplete: approval refused, naming what is missing.
    const early = await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    expect(early.status).toBe(409);
    expect(early.json()).toMatchObject({
      error: { message: stringContaining('whether an exclusion applies') },
    });

    const rest = { ...COMPLETE_BREACH, phi: undefined };
    const saved = await call('PATCH', `${path}/breach-determination`, so.headers, rest);
    expect(saved.status).toBe(200);
    expect(saved.json()).toMatchObject({
      missing: [],
      outcome: 'breach',
      // Discovered 9 March (day 0): 60 days later is 8 May.
      deadlines: { isBreach: true, individualNoticeBy: '2026-05-08', hhsNotice: 'annual' },
    });

    // Four eyes: the Security Official recorded it, so the Privacy Official approves.
    const own = await call('POST', `${path}/breach-determination/approve`, so.headers, {});
    expect(own.status).toBe(409);
    expect(own.json()).toMatchObject({
      error: { message: stringContaining('A privacy_officer may') },
    });
    const approved = await call('POST', `${path}/breach-determination/approve`, po.headers, {
      note: 'Agreed.',
    });
    expect(approved.status).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approved: { by: { id: po.user.id }, note: 'Agreed.' },
    });

    // Acceptance: an approved determination cannot change.
    const change = await call('PATCH', `${path}/breach-determination`, so.headers, {
      conclusion: { lowProbability: true, rationale: 'Changed my mind.' },
    });
    expect(change.status).toBe(409);
    expect(change.json()).toMatchObject({
      error: { message: stringContaining('is approved and cannot change') },
    });
    const again = await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    expect(again.status).toBe(409);

    const noReason = await call('POST', `${path}/breach-determinations`, so.headers, {});
    expect(noReason.status).toBe(400);
    const revised = await call('POST', `${path}/breach-determinations`, so.headers, {
      reason: 'The laptop was found: the disk was encrypted after all.',
    });
    expect(revised.status).toBe(201);
    expect(revised.json()).toMatchObject({ version: 2, status: 'draft', saved: {} });
    const secured = await call('PATCH', `${path}/breach-determination`, so.headers, {
      phi: { involved: true, unsecured: false, rationale: 'Full-disk encryption, key kept apart.' },
    });
    expect(secured.json()).toMatchObject({ outcome: 'secured', deadlines: { isBreach: false } });

    const list = await call('GET', `${path}/breach-determinations`, so.headers);
    const versions = list.json().data as Json[];
    expect(versions.map((v) => [v.version, v.status, v.outcome])).toEqual([
      [2, 'draft', 'secured'],
      [1, 'approved', 'breach'],
    ]);
    expect(versions[1]?.conclusion).toEqual(COMPLETE_BREACH.conclusion);
  });

  it('approving a breach raises a task for each notice, due on the engine’s date', async () => {
    const { db, org, call, so, po, path } = await setUp();
    await call('PATCH', `${path}/breach-determination`, so.headers, {
      ...COMPLETE_BREACH,
      facts: {
        ...COMPLETE_BREACH.facts,
        affectedTotal: 1200,
        affectedByState: { TX: 700, OK: 500 },
      },
    });
    expect(
      await db.selectFrom('tasks').select('id').where('org_id', '=', org.id).execute(),
    ).toEqual([]);
    await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    const tasks = await db
      .selectFrom('tasks')
      .select(['title', 'due_on', 'priority'])
      .where('org_id', '=', org.id)
      .orderBy('title')
      .execute();
    expect(tasks.map((t) => [t.title.replace(/^INC-\d{4}-\d{3}: /, ''), t.due_on])).toEqual([
      ['notify HHS through its breach portal', '2026-05-08'],
      ['notify the media in Texas', '2026-05-08'],
      ['send the breach notice to each person affected', '2026-05-08'],
    ]);
  });

  it('draws the individual notice letter from the template, keeps the edited one, exports PDF and DOCX', async () => {
    const { call, so, path } = await setUp();
    await call('PATCH', `${path}/breach-determination`, so.headers, COMPLETE_BREACH);
    const drawn = await call('GET', `${path}/breach-letter`, so.headers);
    expect(drawn.status).toBe(200);
    const body = String(drawn.json().body);
    // 164.404(c) (to be checked): what happened with its dates, the PHI, steps, contact.
    expect(body).toContain(
      'The incident took place on 1 Jan 2026, and we discovered it on 9 Mar 2026.',
    );
    expect(body).toContain('Names, dates of birth and diagnoses.');
    expect(body).toContain('toll-free at [toll free number]');
    expect(drawn.json().edited).toBeNull();
    const edited = body.replace('[toll free number]', '1-800-555-0100');
    const saved = await call('PUT', `${path}/breach-letter`, so.headers, { body: edited });
    expect(saved.status).toBe(200);
    expect(saved.json()).toMatchObject({ body: edited, edited: { by: { id: so.user.id } } });
    for (const [format, magic] of [
      ['pdf', '%PDF'],
      ['docx', 'PK'],
    ] as const) {
      const res = await call('GET', `${path}/breach-letter.${format}`, so.headers);
      expect(res.status).toBe(200);
      expect(res.body.startsWith(magic)).toBe(true);
    }
  }, 60_000); // the PDF and DOCX are drawn in worker threads: slow on a busy machine

  it('a one-person practice approves its own determination', async () => {
    const { t, call, so, po, path, org } = await setUp();
    await t.database.handle.db
      .deleteFrom('memberships')
      .where('org_id', '=', org.id)
      .where('user_id', '=', po.user.id)
      .execute();
    await call('PATCH', `${path}/breach-determination`, so.headers, COMPLETE_BREACH);
    const approved = await call('POST', `${path}/breach-determination/approve`, so.headers, {});
    expect(approved.status).toBe(200);
  });

  it('refuses facts that do not hold together, naming the field, and writes nothing', async () => {
    const { call, so, path } = await setUp();
    const cases: [Json, string][] = [
      [{ facts: { ...COMPLETE_BREACH.facts, breachOccurredOn: '2026-03-10' } }, 'breachOccurredOn'],
      [{ facts: { ...COMPLETE_BREACH.facts, affectedByState: { IL: 41 } } }, 'affectedByState'],
      [
        {
          facts: {
            ...COMPLETE_BREACH.facts,
            lawEnforcementDelay: { until: '2026-04-30', statement: 'oral', statementOn: null },
          },
        },
        'statementOn',
      ],
      [{ exclusion: { applies: '(1)(i)', facts: '' } }, 'exclusion.facts'],
      [{ facts: { ...COMPLETE_BREACH.facts, affectedByState: { XX: 1 } } }, 'affectedByState'],
      [{}, 'at least one step'],
    ];
    for (const [body, field] of cases) {
      const res = await call('PATCH', `${path}/breach-determination`, so.headers, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toContain(field);
    }
    const list = await call('GET', `${path}/breach-determinations`, so.headers);
    expect(list.json().data).toEqual([]);
  });

  it('an oral law-enforcement delay lasts at most 30 days from the statement (164.412)', async () => {
    const { call, so, path } = await setUp();
    const res = await call('PATCH', `${path}/breach-determination`, so.headers, {
      ...COMPLETE_BREACH,
      facts: {
        ...COMPLETE_BREACH.facts,
        lawEnforcementDelay: { until: '2026-09-30', statement: 'oral', statementOn: '2026-05-01' },
      },
    });
    expect(res.json()).toMatchObject({ deadlines: { individualNoticeBy: '2026-05-31' } });
  });

  it('auditors read determinations but change nothing; workforce members are answered 404 as if there were none', async () => {
    const { db, clock, org, call, so, path } = await setUp();
    await call('PATCH', `${path}/breach-determination`, so.headers, COMPLETE_BREACH);
    const auditor = await buildMember(db, clock, org.id, 'auditor');
    const workforce = await buildMember(db, clock, org.id, 'workforce');
    expect((await call('GET', `${path}/breach-determinations`, auditor.headers)).status).toBe(200);
    expect(
      (await call('PATCH', `${path}/breach-determination`, auditor.headers, COMPLETE_BREACH))
        .status,
    ).toBe(404);
    expect((await call('GET', `${path}/breach-determinations`, workforce.headers)).status).toBe(
      404,
    );
  });
});
