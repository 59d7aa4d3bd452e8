import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { testDatabaseKind } from './database';
import { sessionHeaders, testClock, tokenHeaders } from './factories';
import { organizationSnapshot, seedClinic } from './tenants';
import { grantOf, roleHolds } from '../../src/contracts/permissions';
import { pathOf, queryStringOf, type RouteContract } from '../../src/contracts/route';
import { FEATURES } from '../../src/server/features';
import { PREPARATIONS, type Clinic } from './preparations';
import { seedBreachNotice } from './incident-preparations';
import type { RoutePermission } from '../../src/server/platform/http/route-permissions';

// design.md §6.2, issue 11: every operation, driven through its contract, must keep one
// organization's records out of another's reach (164.308(a)(4): access to ePHI is authorized), and
// every write must leave an audit event of an action it declares (164.312(b)). New routes are
// covered without a new test: a route without a contract, an example or a declared record kind
// fails here.

const UNAUDITED = new Map([
  ['POST /api/invitations/lookup', 'a read sent as POST, so that the token stays out of the path'],
  [
    'POST /api/anonymous-reports/lookup',
    'a read sent as POST, so that the token stays out of the path',
  ],
]);

const RECORDS = new Map(FEATURES.flatMap((feature) => Object.entries(feature.records ?? {})));
const clock = testClock();

// Set by describeTenantPasses' beforeAll: one app and two clinics per test file.
let t: TestApp;
// The app beforeAll started, if it got that far: afterAll closes only that.
let started: TestApp | undefined;
let a: Clinic;
let b: Clinic;

function parametersOf(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}

/** The newest records (up to three) of each kind the features declare, in one organization. */
async function recordIds(orgId: string): Promise<Map<string, string[]>> {
  const db = t.database.handle.db;
  const ids = new Map<string, string[]>();
  for (const [param, kind] of RECORDS) {
    if (typeof kind !== 'string') {
      ids.set(param, [kind.shared]);
      continue;
    }
    const { rows } = await sql<{ id: string }>`
      select id from ${sql.table(kind)} where org_id = ${orgId} order by id desc limit 3`.execute(
      db,
    );
    ids.set(
      param,
      rows.map((r) => r.id),
    );
  }
  return ids;
}

async function clinic(tag: string): Promise<Clinic> {
  const seeded = await seedClinic(t, clock, tag);
  const db = t.database.handle.db;
  // A session, an API token and an invitation of the owner, so that records of every kind exist.
  const owner = seeded.people.find((p) => p.role === 'owner');
  if (!owner) throw new Error('the demo clinic has no owner');
  const headers = await sessionHeaders(db, clock, owner.userId, seeded.orgId);
  await tokenHeaders(db, clock, owner.userId, seeded.orgId, 'auditor');
  const invited = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${seeded.orgId}/invitations`,
    headers,
    payload: { email: `temp.nurse+${tag}@riverside-clinic.example`, role: 'workforce' },
  });
  if (invited.statusCode !== 201) throw new Error(`could not invite: ${invited.body}`);
  await seedBreachNotice(
    t,
    { ...seeded, ids: new Map(), id: () => '', personFor: () => owner },
    clock,
  );
  const ids = await recordIds(seeded.orgId);
  return {
    ...seeded,
    ids,
    id: (param, nth = 0) => {
      const value = param === 'orgId' ? seeded.orgId : ids.get(param)?.[nth];
      if (value === undefined) {
        throw new Error(
          `:${param} names no record kind: declare it in "records" of its feature's index.ts, ` +
            `and make sure the demo clinic holds one`,
        );
      }
      return value;
    },
    personFor: (contract) => {
      const grant = grantOf(contract.permission);
      const person =
        typeof grant === 'string' || !Array.isArray(grant)
          ? owner
          : seeded.people.find((p) => roleHolds(p.role, contract.permission));
      if (!person) throw new Error(`no person of the demo clinic holds ${contract.permission}`);
      return person;
    },
  };
}

let inScope: (contract: RouteContract) => boolean = () => true;

function contractRoutes(): (RoutePermission & { contract: RouteContract })[] {
  // Fastify adds a HEAD route to every GET: the contract's own method is the operation.
  return t.app.routePermissions.flatMap(({ contract, ...route }) =>
    contract?.method === route.method && inScope(contract) ? [{ ...route, contract }] : [],
  );
}

async function call(
  contract: RouteContract,
  orgId: string,
  path: (param: string) => string,
  headers: Record<string, string>,
  body: unknown,
  requestId = randomUUID(),
) {
  const params = Object.fromEntries(
    parametersOf(contract.path).map((name) => [name, name === 'orgId' ? orgId : path(name)]),
  );
  return t.app.inject({
    method: contract.method,
    url: pathOf(contract, params) + queryStringOf(contract.exampleQuery),
    headers: { ...headers, 'x-request-id': requestId },
    ...(body === undefined ? {} : { payload: body as object }),
    // An upload's example is the file's text (CSV).
    ...(contract.upload
      ? { headers: { ...headers, 'content-type': 'text/csv', 'x-request-id': requestId } }
      : {}),
  });
}

/**
 * The cross-tenant and audit passes (issue 11) over every operation, or over the operations of
 * `only` (a feature's own test runs them over its routes). Call once per test file, at top level.
 */
export function describeTenantPasses(only?: readonly Record<string, RouteContract>[]): void {
  const scope = only ? new Set(only.flatMap((routes) => Object.values(routes))) : undefined;
  if (scope) inScope = (contract) => scope.has(contract);
  beforeAll(async () => {
    t = started = await createTestApp({ clock });
    a = await clinic('a');
    b = await clinic('b');
  }, 120_000);
  // When beforeAll failed there is no app: its error is the one to read.
  afterAll(async () => started?.close());
  describe(`every operation, through its contract, on ${testDatabaseKind()}`, () => {
    passes(scope === undefined);
  });
}

function passes(everyOperation: boolean): void {
  it('has a contract, and every path parameter names a declared record kind', async () => {
    expect(contractRoutes().length).toBeGreaterThan(0);
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const withContract = new Set(contractRoutes().map((r) => `${r.method} ${r.url}`));
    const missing = Object.entries(doc.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .filter((op) => !withContract.has(op));
    if (everyOperation) expect(missing).toEqual([]);
    const undeclared = contractRoutes().flatMap((r) =>
      parametersOf(r.url)
        .filter((p) => p !== 'orgId' && !RECORDS.has(p))
        .map((p) => `${r.method} ${r.url}: :${p}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("answers 404 to another organization's record ids and changes nothing there", async () => {
    const db = t.database.handle.db;
    const before = await organizationSnapshot(db, b.orgId);
    const failures: string[] = [];
    for (const { contract } of contractRoutes()) {
      const person = a.personFor(contract);
      const headers = await sessionHeaders(db, clock, person.userId, a.orgId);
      const recordParams = parametersOf(contract.path).filter(
        (p) => typeof RECORDS.get(p) === 'string',
      );
      const label = `${contract.method} ${contract.path}`;
      // A's organization in the path, B's record ids in the path and in the body.
      if (recordParams.length > 0) {
        const res = await call(contract, a.orgId, b.id, headers, contract.example?.(b.id));
        if (res.statusCode !== 404) {
          failures.push(`${label} with B's ids: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      // A's records in the path, B's record ids in the body: refused (4xx).
      const named = { records: false };
      const body = contract.example?.((param) => {
        named.records = true;
        return b.id(param);
      });
      if (named.records) {
        const res = await call(contract, a.orgId, a.id, headers, body);
        if (res.statusCode < 400 || res.statusCode >= 500) {
          failures.push(`${label} with B's ids in the body: ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Line by line, so a failure names the table that changed.
    expect((await organizationSnapshot(db, b.orgId)).split('\n')).toEqual(before.split('\n'));
  }, 180_000);

  it('records an audit event of a declared action, in the request, for every write', async () => {
    const db = t.database.handle.db;
    const failures: string[] = [];
    const writes = contractRoutes().filter(
      ({ contract }) => contract.method !== 'GET' || (contract.audits ?? []).length > 0,
    );
    // Removals last: what they remove, earlier writes may still need.
    writes.sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
    for (const { contract } of writes) {
      const label = `${contract.method} ${contract.path}`;
      const audits = contract.audits ?? [];
      const unaudited = UNAUDITED.has(label);
      if (audits.length === 0 && !unaudited) {
        failures.push(`${label}: declares no audit actions`);
        continue;
      }
      if (contract.body && !contract.example) {
        failures.push(`${label}: has no example body`);
        continue;
      }
      const prepared = await (PREPARATIONS[label] ?? defaultPreparation)(t, a, contract, clock);
      const requestId = randomUUID();
      const res = await call(
        contract,
        a.orgId,
        prepared.id ?? a.id,
        prepared.headers,
        prepared.body ?? contract.example?.(prepared.id ?? a.id),
        requestId,
      );
      if (res.statusCode >= 300) {
        failures.push(`${label}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        continue;
      }
      await t.background.idle();
      const events = await db
        .selectFrom('audit_events')
        .select('action')
        .where('request_id', '=', requestId)
        .execute();
      if (unaudited) {
        if (audits.length > 0 || events.length > 0) {
          failures.push(`${label}: is listed as unaudited, but audits: remove it from UNAUDITED`);
        }
        continue;
      }
      if (!events.some((e) => (audits as readonly string[]).includes(e.action))) {
        failures.push(
          `${label}: wrote [${events.map((e) => e.action).join(', ')}], declares [${audits.join(', ')}]`,
        );
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
}

async function defaultPreparation(
  app: TestApp,
  org: Clinic,
  contract: RouteContract,
): Promise<{ headers: Record<string, string>; id?: (param: string) => string; body?: unknown }> {
  const person = org.personFor(contract);
  return {
    headers: await sessionHeaders(app.database.handle.db, clock, person.userId, org.orgId),
  };
}
