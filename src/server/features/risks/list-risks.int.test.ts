import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from '../../../../test/support/database';
import { buildOrganization, buildUser } from '../../../../test/support/factories';
import type { RisksTable } from './tables';
import { insertRisk, listRisks, type RiskFilter } from './repository/risks';

let t: TestDatabase;
let org = '';
let owner = '';
beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.handle.db;
  const [mine, other] = [await buildOrganization(db), await buildOrganization(db)];
  org = mine.id;
  owner = (await buildUser(db)).id;
  const risk = (orgId: string, number: number, values: Partial<RisksTable>): RisksTable => ({
    id: uuidv7(),
    org_id: orgId,
    number,
    title: `Risk ${number}`,
    description: '',
    status: 'open',
    owner_id: null,
    threat_id: null,
    vulnerability_id: null,
    likelihood: null,
    impact: null,
    inherent_level: null,
    rating_rationale: '',
    treatment: null,
    treatment_plan: '',
    residual_likelihood: null,
    residual_impact: null,
    residual_level: null,
    residual_rationale: '',
    accepted_by: null,
    accepted_on: null,
    acceptance_expires_on: null,
    identified_on: '2026-01-01',
    last_reviewed_on: null,
    next_review_on: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...values,
  });
  await insertRisk(db, risk(org, 1, { title: 'Laptop theft', inherent_level: 2 }));
  await insertRisk(db, risk(org, 2, { status: 'closed', owner_id: owner, treatment: 'accept' }));
  await insertRisk(db, risk(org, 3, { description: '100% of laptops', residual_level: 1 }));
  await insertRisk(db, risk(org, 4, { treatment: 'mitigate', owner_id: owner }));
  await insertRisk(db, risk(other.id, 1, { title: 'Laptop theft', inherent_level: 2 }));
});
afterAll(async () => t.drop());

describe(`the risk list on ${testDatabaseKind()}`, () => {
  it('filters each way, one tenant only, with the same query shapes reused', async () => {
    const numbers = async (filter: Omit<RiskFilter, 'limit'>, limit = 10) =>
      (await listRisks(t.handle.db, org, { ...filter, limit })).map((r) => r.number);
    for (let pass = 0; pass < 2; pass += 1) {
      expect(await numbers({})).toEqual([1, 2, 3, 4]);
      expect(await numbers({}, 2)).toEqual([1, 2]);
      expect(await numbers({ afterNumber: 2 })).toEqual([3, 4]);
      expect(await numbers({ status: 'closed' })).toEqual([2]);
      expect(await numbers({ level: 2 })).toEqual([1]);
      expect(await numbers({ residualLevel: 1 })).toEqual([3]);
      expect(await numbers({ treatment: 'mitigate' })).toEqual([4]);
      expect(await numbers({ treatment: null })).toEqual([1, 3]);
      expect(await numbers({ ownerId: owner })).toEqual([2, 4]);
      expect(await numbers({ ownerId: null })).toEqual([1, 3]);
      expect(await numbers({ q: 'LAPTOP' })).toEqual([1, 3]);
      expect(await numbers({ q: '100%' })).toEqual([3]);
      expect(await numbers({ q: '1%' })).toEqual([]);
      expect(await numbers({ q: 'of laptops 100% 100' })).toEqual([3]);
      expect(await numbers({ q: 'laptop', ownerId: null, afterNumber: 1 })).toEqual([3]);
    }
  });
});
