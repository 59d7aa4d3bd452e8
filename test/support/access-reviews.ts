import { expect } from 'vitest';
import type { AccessReviewDetail } from '../../src/contracts/access-reviews';
import type { testApps } from './app';
import { buildMember, buildOrganization, testClock } from './factories';

// The organization the access-review tests start from (src/server/features/access-reviews).

/** An organization with an officer, a system owner, an auditor, three people and a system. */
export async function setUpReviews(startApp: ReturnType<typeof testApps>) {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const owner = await buildMember(db, clock, org.id, 'contributor');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const base = `/api/orgs/${org.id}`;
  const call = (
    as: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    });
  const upload = (as: { headers: Record<string, string> }, url: string, csv: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `${base}${url}`,
      headers: { ...as.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const person = async (body: object) =>
    (await call(officer, 'POST', '/people', { kind: 'employee', ...body })).json<{ id: string }>()
      .id;
  const ana = await person({ name: 'Ana Patel', email: 'ana@example.org', employeeId: 'E-1' });
  const ellen = await person({
    name: 'Ellen Brooks',
    employeeId: 'E-2',
    startDate: '2024-01-01',
    endDate: '2026-02-20',
  });
  const kevin = await person({ name: 'Kevin Tran', employeeId: 'E-3' });
  const asset = await call(officer, 'POST', '/assets', {
    kind: 'application',
    name: 'Hosted EHR',
    ownerId: owner.user.id,
  });
  const assetId = asset.json<{ id: string }>().id;
  return {
    t,
    db,
    clock,
    org,
    officer,
    owner,
    auditor,
    base,
    call,
    upload,
    ids: { ana, ellen, kevin, assetId },
  };
}

export const EXPORT =
  'Account,Person,Access level,Last login\n' +
  'apatel,ANA@example.org,Physician,2026-05-30\n' +
  'ebrooks,E-2,Clinician,2026-03-02\n' +
  'ktran,Kevin Tran,Clinician,2026-05-30\n' +
  'temp01,Agency Locum,Clinician,2026-04-11\n';

export type Setup = Awaited<ReturnType<typeof setUpReviews>>;

export async function startReview(s: Setup, extra: object = {}) {
  const res = await s.call(s.officer, 'POST', '/access-reviews', {
    assetId: s.ids.assetId,
    periodStart: '2026-03-01',
    periodEnd: '2026-05-31',
    dueOn: '2026-06-15',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AccessReviewDetail>();
}
