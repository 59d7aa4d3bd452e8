import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../contracts/evidence';
import { testDatabaseKind } from '../../../../test/support/database';
import { sessionHeaders } from '../../../../test/support/factories';
import { nurseWithCourse, rightAnswers, setUp } from '../../../../test/support/training';

interface Quiz {
  attemptId: string;
  questions: { id: string }[];
}

// An attacker's finding: contributors read everyone's training certificates, and evidence of
// incidents, through the vault, though they may open neither training records nor incidents.
describe(`evidence of records a reader may not open, on ${testDatabaseKind()}`, () => {
  it('hides certificates and incident evidence from contributors, not from auditors (164.308(a)(4))', async () => {
    const s = await setUp();
    const mine = await nurseWithCourse(s);
    const quiz = (await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts`)).json<Quiz>();
    const result = (
      await s.ok(s.nurse, 'POST', `/my-training/${mine.id}/attempts/${quiz.attemptId}/submit`, {
        answers: rightAnswers('phishing', quiz.questions),
      })
    ).json<{ passed: boolean }>();
    expect(result.passed).toBe(true);
    // Evidence of an incident: a link item, linked to it.
    const incident = (
      await s.ok(s.official, 'POST', '/incidents', {
        title: 'Laptop lost on the bus',
        category: 'lost_device',
      })
    ).json<{ id: string }>();
    const photo = (
      await s.ok(s.official, 'POST', '/evidence', {
        title: 'Police report',
        url: 'https://police.example/report/123',
      })
    ).json<EvidenceItem>();
    await s.ok(s.official, 'POST', '/links', {
      from: { type: 'evidence', id: photo.id },
      to: { type: 'incident', id: incident.id },
    });
    const policy = (
      await s.ok(s.official, 'POST', '/evidence', {
        title: 'Encryption report',
        url: 'https://mdm.example/report',
      })
    ).json<EvidenceItem>();

    const titles = async (who: typeof s.official) =>
      (await s.ok(who, 'GET', '/evidence'))
        .json<{ data: EvidenceItem[] }>()
        .data.map((e) => e.title);
    expect(await titles(s.auditor)).toEqual([
      'Training certificate: Phishing and social engineering, Nora Nurse',
      'Police report',
      'Encryption report',
    ]);
    expect(await titles(s.contributor)).toEqual(['Encryption report']);
    const [certificate] = (await s.ok(s.auditor, 'GET', '/evidence')).json<{
      data: EvidenceItem[];
    }>().data;
    for (const hidden of [certificate?.id ?? '', photo.id]) {
      for (const [method, url, payload] of [
        ['GET', `/evidence/${hidden}`],
        ['GET', `/evidence/${hidden}/file`],
        ['PATCH', `/evidence/${hidden}`, { title: 'Renamed' }],
        ['DELETE', `/evidence/${hidden}`],
      ] as const) {
        const res = await s.t.app.inject({
          method,
          url: `/api/orgs/${s.org.id}${url}`,
          headers: await sessionHeaders(s.db, s.clock, s.contributor.user.id, s.org.id),
          ...(payload ? { payload } : {}),
        });
        expect([method, url, res.statusCode]).toEqual([method, url, 404]);
      }
    }
    expect((await s.call(s.contributor, 'GET', `/evidence/${policy.id}`)).statusCode).toBe(200);
    expect((await s.call(s.auditor, 'GET', `/evidence/${certificate?.id ?? ''}`)).statusCode).toBe(
      200,
    );
  });
});
