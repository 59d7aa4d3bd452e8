import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();
const ENCRYPTION = `/safeguards/${encodeURIComponent('164.312(a)(2)(iv)')}`;

interface ErrorJson {
  error: { details: { path: string; message: string }[] };
}

describe(`the risk analysis an addressable decision rests on, on ${testDatabaseKind()}`, () => {
  it('links an approved assessment of the organization, never a draft or another organization’s', async () => {
    const clock = testClock();
    clock.set('2026-11-22T15:00:00Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const clinic = async () => {
      const org = await buildOrganization(db);
      const officer = await buildMember(db, clock, org.id, 'security_officer');
      const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
        t.app.inject({
          method,
          url: `/api/orgs/${org.id}${url}`,
          headers: officer.headers,
          ...(payload ? { payload } : {}),
        });
      const assessment = async (approve: boolean) => {
        const ra = (await call('POST', '/risk-assessments', { title: 'Yearly analysis' })).json<{
          id: string;
        }>();
        if (approve) {
          expect(
            (
              await call('POST', `/risk-assessments/${ra.id}/submit`, {
                acknowledgeIncomplete: true,
              })
            ).statusCode,
          ).toBe(200);
          expect(
            (
              await call('POST', `/risk-assessments/${ra.id}/approve`, {
                acknowledgeIncomplete: true,
              })
            ).statusCode,
          ).toBe(200);
        }
        return ra.id;
      };
      return { org, call, assessment };
    };
    const a = await clinic();
    const b = await clinic();
    const approved = await a.assessment(true);
    const draft = await a.assessment(false);
    const theirs = await b.assessment(true);
    const decide = (body: object) =>
      a.call('PUT', `${ENCRYPTION}/decision`, {
        decision: 'alternative',
        rationale: 'The lab analyser cannot encrypt its cache.',
        alternative: 'Isolated segment, cache wiped nightly.',
        ...body,
      });
    const path = (response: Awaited<ReturnType<typeof decide>>) =>
      response.json<ErrorJson>().error.details[0]?.path;

    const linked = await decide({ basisAssessmentId: approved });
    expect(linked.statusCode).toBe(200);
    expect(
      linked.json<{ decision: { basis: string | null; basisAssessment: object | null } }>()
        .decision,
    ).toMatchObject({
      basis: null,
      basisAssessment: { id: approved, reference: 'RA-1', title: 'Yearly analysis' },
    });
    const listed = (await a.call('GET', '/safeguards')).json<{
      data: {
        requirementId: string;
        decision: { basisAssessment: { id: string } | null } | null;
      }[];
    }>();
    expect(
      listed.data.find((s) => s.requirementId === '164.312(a)(2)(iv)')?.decision?.basisAssessment
        ?.id,
    ).toBe(approved);
    const event = await db
      .selectFrom('audit_events')
      .select('changes')
      .where('org_id', '=', a.org.id)
      .where('action', '=', 'safeguard.decision_recorded')
      .executeTakeFirstOrThrow();
    // The trail names the assessment as it was then, beside its id.
    expect(JSON.parse(event.changes ?? '{}')).toMatchObject({
      basisAssessmentId: { before: null, after: { id: approved, name: 'RA-1 Yearly analysis' } },
    });

    const notApproved = await decide({ basisAssessmentId: draft });
    expect(notApproved.statusCode).toBe(400);
    expect(path(notApproved)).toBe('body.basisAssessmentId');
    expect(notApproved.json<ErrorJson>().error.details[0]?.message).toContain(
      'RA-2 is not approved',
    );

    const otherTenant = await decide({ basisAssessmentId: theirs });
    expect(otherTenant.statusCode).toBe(400);
    expect(path(otherTenant)).toBe('body.basisAssessmentId');
    expect(otherTenant.json<ErrorJson>().error.details[0]?.message).toBe(
      'names no risk assessment of this organization',
    );

    const nothing = await decide({ basis: '  ' });
    expect(nothing.statusCode).toBe(400);
    expect(path(nothing)).toBe('body.basis');

    // An analysis made outside Custos stays possible, in words.
    const outside = await decide({ basisAssessmentId: null, basis: 'Consultant report, May 2026' });
    expect(outside.statusCode).toBe(200);
    expect(
      outside.json<{ decision: { basis: string; basisAssessment: object | null } }>().decision,
    ).toMatchObject({ basis: 'Consultant report, May 2026', basisAssessment: null });
  });
});
