import { describe, expect, it } from 'vitest';
import {
  accessReviewsRoutes,
  type AccessGrant,
  type AccessReviewDetail,
  type AccountImportResult,
} from '../../../contracts/access-reviews';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { sessionHeaders, tokenHeaders } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { EXPORT, setUpReviews, startReview } from '../../../../test/support/access-reviews';

// Another organization's records answer 404 on every route, and every write leaves its audit event.
describeTenantPasses([accessReviewsRoutes]);

const startApp = testApps();

const setUp = () => setUpReviews(startApp);

describe(`access reviews on ${testDatabaseKind()}`, () => {
  it('flags an account of someone who left before the review period and one that matches nobody', async () => {
    const s = await setUp();
    const review = await startReview(s);
    expect(review).toMatchObject({ reference: 'AR-1', status: 'open', items: [] });
    expect(review.reviewer.id).toBe(s.officer.user.id);

    const preview = await s.upload(s.officer, `/access-reviews/${review.id}/accounts`, EXPORT);
    expect(preview.statusCode, preview.body).toBe(200);
    const previewed = preview.json<AccountImportResult>();
    expect(previewed).toMatchObject({ rows: 4, valid: true, applied: false });
    // A preview writes nothing.
    const still = await s.call(s.auditor, 'GET', `/access-reviews/${review.id}`);
    expect(still.json<AccessReviewDetail>().items).toEqual([]);

    const committed = await s.upload(
      s.officer,
      `/access-reviews/${review.id}/accounts?mode=commit`,
      EXPORT,
    );
    expect(committed.json<AccountImportResult>().applied).toBe(true);
    const read = (
      await s.call(s.auditor, 'GET', `/access-reviews/${review.id}`)
    ).json<AccessReviewDetail>();
    const byAccount = new Map(read.items.map((i) => [i.account, i]));
    expect(byAccount.get('apatel')).toMatchObject({
      person: { id: s.ids.ana, name: 'Ana Patel' },
      matchedBy: 'email',
      flags: [],
    });
    expect(byAccount.get('ebrooks')).toMatchObject({
      person: { id: s.ids.ellen },
      matchedBy: 'employee_id',
      flags: ['left_before_period'],
    });
    expect(byAccount.get('ktran')).toMatchObject({ matchedBy: 'name', flags: [] });
    expect(byAccount.get('temp01')).toMatchObject({
      person: null,
      matchedBy: null,
      flags: ['no_match'],
    });
    expect(read.counts).toEqual({ items: 4, decided: 0, flagged: 2 });
    const events = await s.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('org_id', '=', s.org.id)
      .where('action', '=', 'access_review.accounts_imported')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses a bad file whole, naming row, line and column; NUL and ill-formed text too', async () => {
    const s = await setUp();
    const review = await startReview(s);
    const url = `/access-reviews/${review.id}/accounts?mode=commit`;
    const bad = await s.upload(
      s.officer,
      url,
      'account,person,access_level\n' +
        'apatel,Ana Patel,Physician\n' +
        ',Kevin Tran,Clinician\n' +
        'apatel,Someone,Clinician\n' +
        'bidi,Eve\u202eLocum,Clinician\n',
    );
    expect(bad.statusCode).toBe(400);
    const body = bad.json<{ error: { message: string; details: { path: string }[] } }>();
    expect(body.error.message).toContain('row 2 (line 3), account is required');
    expect(body.error.details.map((d) => d.path)).toEqual([
      'file.rows.2.account',
      'file.rows.3.account',
      'file.rows.4.person',
    ]);
    const missing = await s.upload(s.officer, url, 'account,access_level\nx,Admin\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('person column is missing');
    const nul = await s.upload(s.officer, url, 'account,person,access_level\nx,A\u0000B,Admin\n');
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('NUL');
    const illFormed = await s.upload(
      s.officer,
      url,
      Buffer.concat([Buffer.from('account,person,access_level\nx,'), Buffer.from([0xc3, 0x28])]),
    );
    expect(illFormed.statusCode).toBe(400);
    const wrongType = await s.t.app.inject({
      method: 'POST',
      url: `${s.base}${url}`,
      headers: { ...s.officer.headers, 'content-type': 'application/json' },
      payload: { account: 'x' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('headers.content-type');
    const read = await s.call(s.officer, 'GET', `/access-reviews/${review.id}`);
    expect(read.json<AccessReviewDetail>().items).toEqual([]);
  });

  it('takes its decisions from the reviewer alone, then completes into tasks and a PDF kept as evidence; a completed review is immutable', async () => {
    const s = await setUp();
    const review = await startReview(s);
    await s.upload(s.officer, `/access-reviews/${review.id}/accounts?mode=commit`, EXPORT);
    const items = (
      await s.call(s.officer, 'GET', `/access-reviews/${review.id}`)
    ).json<AccessReviewDetail>().items;
    const item = (account: string) => {
      const found = items.find((i) => i.account === account);
      if (!found) throw new Error(`no item ${account}`);
      return found.id;
    };
    const decide = (as: { headers: Record<string, string> }, account: string, body: object) =>
      s.call(as, 'PUT', `/access-reviews/${review.id}/items/${item(account)}/decision`, body);

    // Someone else, even the system's owner who may review, does not decide for the reviewer.
    const other = await decide(s.owner, 'apatel', { decision: 'keep' });
    expect(other.statusCode).toBe(403);
    const token = await tokenHeaders(
      s.db,
      s.clock,
      s.officer.user.id,
      s.org.id,
      'security_officer',
    );
    expect((await decide({ headers: token }, 'apatel', { decision: 'keep' })).statusCode).toBe(403);
    const noReason = await decide(s.officer, 'temp01', { decision: 'revoke' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('body.comment');
    const flaggedKeep = await decide(s.officer, 'ebrooks', { decision: 'keep' });
    expect(flaggedKeep.statusCode).toBe(400);

    const early = await s.call(s.officer, 'POST', `/access-reviews/${review.id}/completion`);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('4 accounts');

    expect((await decide(s.officer, 'apatel', { decision: 'keep' })).statusCode).toBe(200);
    expect(
      (await decide(s.officer, 'ebrooks', { decision: 'revoke', comment: 'Left in February.' }))
        .statusCode,
    ).toBe(200);
    await decide(s.officer, 'ktran', { decision: 'modify', comment: 'Read only from now.' });
    await decide(s.officer, 'temp01', { decision: 'revoke', comment: 'Nobody knows it.' });

    const completed = await s.call(s.officer, 'POST', `/access-reviews/${review.id}/completion`);
    expect(completed.statusCode, completed.body).toBe(200);
    const done = completed.json<AccessReviewDetail>();
    expect(done.status).toBe('completed');
    expect(done.completedBy?.id).toBe(s.officer.user.id);
    expect(done.reportEvidenceId).not.toBeNull();
    // Revocations and changes became tasks for the system's owner.
    const tasks = done.items.filter((i) => i.task !== null);
    expect(tasks.map((i) => i.account).toSorted()).toEqual(['ebrooks', 'ktran', 'temp01']);
    const owners = await s.db
      .selectFrom('tasks')
      .select(['owner_id', 'title'])
      .where('org_id', '=', s.org.id)
      .execute();
    expect(owners).toHaveLength(3);
    expect(owners.every((o) => o.owner_id === s.owner.user.id)).toBe(true);
    // The PDF is evidence linked to 164.308(a)(4)(ii)(C).
    const links = await s.db
      .selectFrom('record_links')
      .select(['from_id', 'to_id'])
      .where('org_id', '=', s.org.id)
      .where('to_type', '=', 'evidence')
      .execute();
    expect(links).toContainEqual({
      from_id: '164.308(a)(4)(ii)(C)',
      to_id: done.reportEvidenceId,
    });
    const pdf = await s.call(s.auditor, 'GET', `/access-reviews/${review.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Immutable from now on.
    expect(
      (await decide(s.officer, 'apatel', { decision: 'revoke', comment: 'x' })).statusCode,
    ).toBe(409);
    expect(
      (await s.upload(s.officer, `/access-reviews/${review.id}/accounts?mode=commit`, EXPORT))
        .statusCode,
    ).toBe(409);
    expect(
      (await s.call(s.officer, 'POST', `/access-reviews/${review.id}/completion`)).statusCode,
    ).toBe(409);
  });

  it('records grants approved by who acts, reviews them, and repeats a quarterly review once', async () => {
    const s = await setUp();
    const grant = await s.call(s.officer, 'POST', '/access-grants', {
      personId: s.ids.kevin,
      assetId: s.ids.assetId,
      accessLevel: 'Clinician',
      justification: 'Registered nurse.',
      grantedOn: '2026-01-10',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json<AccessGrant>()).toMatchObject({
      reference: 'AG-1',
      approvedBy: { id: s.officer.user.id },
      person: { name: 'Kevin Tran' },
      asset: { name: 'Hosted EHR' },
    });
    const left = await s.call(s.officer, 'POST', '/access-grants', {
      personId: s.ids.ellen,
      assetId: s.ids.assetId,
      accessLevel: 'Clinician',
      justification: 'Registered nurse.',
      grantedOn: '2025-01-10',
    });
    expect(left.statusCode).toBe(201);
    const token = await tokenHeaders(
      s.db,
      s.clock,
      s.officer.user.id,
      s.org.id,
      'security_officer',
    );
    const byToken = await s.call({ headers: token }, 'POST', '/access-grants', {
      personId: s.ids.kevin,
      assetId: s.ids.assetId,
      accessLevel: 'Clinician',
      justification: 'x',
      grantedOn: '2026-01-10',
    });
    expect(byToken.statusCode).toBe(403);
    const badPerson = await s.call(s.officer, 'POST', '/access-grants', {
      personId: s.ids.assetId,
      assetId: s.ids.assetId,
      accessLevel: 'Clinician',
      justification: 'x',
      grantedOn: '2026-01-10',
    });
    expect(badPerson.statusCode).toBe(400);
    expect(badPerson.body).toContain('body.personId');

    const review = await startReview(s, { source: 'grants', recurrence: 'quarterly' });
    expect(review.items.map((i) => [i.person?.name, i.matchedBy, i.flags])).toEqual([
      ['Ellen Brooks', 'grant', ['left_before_period']],
      ['Kevin Tran', 'grant', []],
    ]);
    const revoked = await s.call(
      s.officer,
      'POST',
      `/access-grants/${left.json<AccessGrant>().id}/revocation`,
      { revokedOn: '2026-02-20' },
    );
    expect(revoked.json<AccessGrant>().revokedOn).toBe('2026-02-20');
    const twice = await s.call(
      s.officer,
      'POST',
      `/access-grants/${left.json<AccessGrant>().id}/revocation`,
      {},
    );
    expect(twice.statusCode).toBe(409);
    const mine = await s.call(s.auditor, 'GET', `/access-grants?personId=${s.ids.kevin}`);
    expect(mine.json<{ data: AccessGrant[] }>().data).toHaveLength(1);

    // Through the scheduler: before the next quarter nothing repeats; once it began, one review,
    // once, however often the schedule runs.
    const count = async () =>
      (
        await s.db
          .selectFrom('access_reviews')
          .select('id')
          .where('org_id', '=', s.org.id)
          .execute()
      ).length;
    s.clock.set('2026-05-30T12:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    expect(await count()).toBe(1);
    s.clock.set('2026-06-02T09:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    expect(await count()).toBe(2);
    s.clock.set('2026-06-02T11:00:00.000Z');
    await s.t.jobs.tick();
    await s.t.jobs.drain();
    expect(await count()).toBe(2);
    const fresh = { headers: await sessionHeaders(s.db, s.clock, s.officer.user.id, s.org.id) };
    const list = (await s.call(fresh, 'GET', '/access-reviews')).json<{
      data: { reference: string; periodStart: string; periodEnd: string; dueOn: string }[];
    }>().data;
    expect(list.find((r) => r.reference === 'AR-2')).toMatchObject({
      periodStart: '2026-06-01',
      periodEnd: '2026-08-31',
      dueOn: '2026-09-15',
    });
  });

  it('refuses bad review settings naming the field, and shows an overdue review on the dashboard', async () => {
    const s = await setUp();
    const backwards = await s.call(s.officer, 'POST', '/access-reviews', {
      assetId: s.ids.assetId,
      periodStart: '2026-03-01',
      periodEnd: '2026-02-01',
      dueOn: '2026-06-15',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('body.periodEnd');
    const auditorAsReviewer = await s.call(s.officer, 'POST', '/access-reviews', {
      assetId: s.ids.assetId,
      reviewerId: s.auditor.user.id,
      periodStart: '2026-03-01',
      periodEnd: '2026-05-31',
      dueOn: '2026-06-15',
    });
    expect(auditorAsReviewer.statusCode).toBe(400);
    expect(auditorAsReviewer.body).toContain('body.reviewerId');
    await startReview(s, { dueOn: '2026-05-20' });
    const dash = await s.call(s.officer, 'GET', '/dashboard');
    const board = dash.json<{
      accessReviews: { open: number; overdue: number } | null;
      nextActions: { id: string }[];
    }>();
    expect(board.accessReviews).toEqual({ open: 1, overdue: 1 });
    expect(board.nextActions.map((a) => a.id)).toContain('access-reviews-overdue');
  });
});
