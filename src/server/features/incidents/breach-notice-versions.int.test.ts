import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { breachSetUp } from '../../../../test/support/breach-setup';
import { testDatabaseKind } from '../../../../test/support/database';
import { COMPLETE_BREACH } from '../../../../test/support/incident-preparations';

// Issue 16 part 5: a later determination cancels the earlier version's notice tasks that no
// longer apply and keeps those that still do; the media notice; the HHS portal's facts; the
// breach records in the retention register.

const setUp = breachSetUp(testApps());
type Json = Record<string, unknown>;
const texas = { ...COMPLETE_BREACH.facts, affectedTotal: 1200, affectedByState: { TX: 700 } };

async function tasksOf(s: Awaited<ReturnType<typeof setUp>>) {
  const rows = await s.db
    .selectFrom('tasks')
    .select(['title', 'status', 'due_on'])
    .where('org_id', '=', s.org.id)
    .orderBy('title')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => [r.title.replace(/^INC-\d{4}-\d{3}: /, ''), r.status]);
}

describe(`breach notice tasks across versions on ${testDatabaseKind()}`, () => {
  it('a later version cancels the tasks that no longer apply, keeps those that still do, and raises what is new', async () => {
    const s = await setUp();
    const { call, so, po, path } = s;
    await call('PATCH', `${path}/breach-determination`, so.headers, {
      ...COMPLETE_BREACH,
      facts: texas,
    });
    await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    expect(await tasksOf(s)).toEqual([
      ['notify HHS through its breach portal', 'open'],
      ['notify the media in Texas', 'open'],
      ['send the breach notice to each person affected', 'open'],
    ]);
    // Version 2: fewer people, none in a State above 500: no media notice, HHS on the yearly log.
    await call('POST', `${path}/breach-determinations`, so.headers, { reason: 'Recounted.' });
    await call('PATCH', `${path}/breach-determination`, so.headers, COMPLETE_BREACH);
    const ok = await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    expect(ok.status).toBe(200);
    expect(await tasksOf(s)).toEqual([
      ['notify HHS through its breach portal', 'cancelled'],
      ['notify the media in Texas', 'cancelled'],
      ['report the yearly log of breaches under 500 to HHS', 'open'],
      ['send the breach notice to each person affected', 'open'],
    ]);
    // Version 3: not a breach after all (the disk was encrypted): every open notice task goes.
    await call('POST', `${path}/breach-determinations`, so.headers, { reason: 'Encrypted.' });
    await call('PATCH', `${path}/breach-determination`, so.headers, {
      phi: { involved: true, unsecured: false, rationale: 'Full-disk encryption.' },
    });
    await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    expect((await tasksOf(s)).filter(([, status]) => status === 'open')).toEqual([]);
  });

  it('the media notice for each State above 500: drawn, edited, exported; the portal facts; the retention register', async () => {
    const s = await setUp();
    const { call, so, po, path } = s;
    await call('PATCH', `${path}/breach-determination`, so.headers, {
      ...COMPLETE_BREACH,
      facts: texas,
    });
    await call('POST', `${path}/breach-determination/approve`, po.headers, {});
    const drawn = await call('GET', `${path}/breach-media-notices/TX`, so.headers);
    expect(drawn.status).toBe(200);
    const body = String(drawn.json().body);
    expect(body).toContain('notifies Texas residents');
    expect(body).toContain('about 700 residents of Texas');
    expect(body).toContain('Names, dates of birth and diagnoses.');
    expect((await call('GET', `${path}/breach-media-notices/IL`, so.headers)).status).toBe(404);
    const edited = body.replace('[toll free number]', '1-800-555-0100');
    const saved = await call('PUT', `${path}/breach-media-notices/TX`, so.headers, {
      body: edited,
    });
    expect(saved.json()).toMatchObject({ body: edited, edited: { by: { id: so.user.id } } });
    for (const [format, magic] of [
      ['pdf', '%PDF'],
      ['docx', 'PK'],
    ] as const) {
      const res = await call(
        'GET',
        `${path}/breach-media-notices/TX/media-notice.${format}`,
        so.headers,
      );
      expect(res.status).toBe(200);
      expect(res.body.startsWith(magic)).toBe(true);
    }
    await call('POST', `${path}/breach-notices`, so.headers, {
      kind: 'media',
      state: 'TX',
      sentOn: '2026-03-12',
      channel: 'Houston Chronicle',
    });
    const facts = await call('GET', `${path}/breach-portal-facts`, so.headers);
    const byKey = new Map((facts.json().data as Json[]).map((f) => [f.key, f.value]));
    expect(byKey.get('breachStart')).toBe('1 Jan 2026');
    expect(byKey.get('discovered')).toBe('9 Mar 2026');
    expect(byKey.get('affected')).toBe('1200');
    expect(byKey.get('mediaNotice')).toBe('12 Mar 2026 (Texas)');
    expect(byKey.get('individualNotice')).toBe('None recorded yet');
    // 164.316(b)(2)(i): the determination, the texts and the notices are kept six years.
    const register = await call('GET', '/retention/records', so.headers);
    const kept = (register.json().data as Json[]).map((r) => [r.recordType, r.retainUntil]);
    expect(kept).toEqual(
      expect.arrayContaining([
        ['breach_determination', '2032-03-12'],
        ['breach_letter', '2032-03-12'],
        ['breach_notice', '2032-03-12'],
      ]),
    );
  }, 60_000); // the PDF and DOCX are drawn in worker threads: slow on a busy machine
});
