import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKind } from '../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
  tokenHeaders,
} from '../../test/support/factories';
import {
  grantOf,
  isAnyOrganizationGrant,
  PERSON_ONLY,
  CONCEALED,
  CONCEALED_ANSWER,
  type Permission,
} from '../contracts/permissions';
import { ROLES, type Role } from '../contracts/roles';

// design.md §6.2: every route of the OpenAPI document, as anonymous, as each role (by session, and by
// an API token of that role created by an owner), and as a member of another organization. New routes are covered automatically; one without a permission cannot
// even be registered, and one missing from this walk fails the coverage check below.

type Caller = 'anonymous' | 'outsider' | Role | `token:${Role}`;
const CALLERS: Caller[] = [
  'anonymous',
  ...ROLES,
  ...ROLES.map((role) => `token:${role}` as const),
  'outsider',
];
const NOT_MEMBER = 'No such organization, or you are not a member of it.';
// The outsider owns another organization.
const OUTSIDER_ROLE: Role = 'owner';

let t: TestApp;
let orgId: string;
const headersOf = new Map<Caller, () => Promise<Record<string, string>>>();

beforeAll(async () => {
  const clock = testClock();
  t = await createTestApp({ clock });
  const db = t.database.handle.db;
  await db.updateTable('instance').set({ setup_completed_at: clock.now().toISOString() }).execute();
  const org = await buildOrganization(db);
  orgId = org.id;
  headersOf.set('anonymous', () => Promise.resolve({}));
  for (const role of ROLES) {
    const member = await buildMember(
      db,
      clock,
      org.id,
      role,
      role === 'auditor' ? '2027-01-01T00:00:00.000Z' : null,
    );
    // A fresh session per request: sign-out routes must not end the session of the next check.
    headersOf.set(role, () => sessionHeaders(db, clock, member.user.id, org.id));
  }
  // Tokens of every role made by one owner: each must act with its own role, not the owner's.
  const tokenOwner = await buildMember(db, clock, org.id, 'owner');
  for (const role of ROLES) {
    headersOf.set(`token:${role}`, () => tokenHeaders(db, clock, tokenOwner.user.id, org.id, role));
  }
  const other = await buildOrganization(db);
  const outsider = await buildMember(db, clock, other.id, OUTSIDER_ROLE);
  headersOf.set('outsider', () => sessionHeaders(db, clock, outsider.user.id, other.id));
});
afterAll(async () => t.close());

function expected(
  permission: Permission,
  caller: Caller,
  orgRoute: boolean,
): 'allowed' | 401 | 403 | 404 {
  const grant = grantOf(permission);
  if (grant === 'public') {
    return 'allowed';
  }
  if (caller === 'anonymous') {
    return 401;
  }
  const token = caller.startsWith('token:');
  if (grant === 'authenticated') {
    // API tokens work on organization records only.
    return token ? 403 : 'allowed';
  }
  // Installation-wide: a role in any of the caller's organizations.
  if (isAnyOrganizationGrant(grant)) {
    // Tokens act in one organization only: refused.
    if (token) {
      return 403;
    }
    return grant.anyOrganization.includes(caller === 'outsider' ? OUTSIDER_ROLE : (caller as Role))
      ? 'allowed'
      : 403;
  }
  if (!orgRoute || caller === 'outsider') {
    return 404;
  }
  const role = token ? caller.slice('token:'.length) : caller;
  const held = (grant as readonly string[]).includes(role);
  // Concealed records (sanctions) do not exist for a role that may not see them.
  if (!held && CONCEALED.includes(permission)) {
    return 404;
  }
  if (token && PERSON_ONLY.includes(permission)) {
    return 403;
  }
  return held ? 'allowed' : 403;
}

function outcome(status: number, body: string): 'allowed' | 401 | 403 | 404 {
  if (status === 401 || status === 403) {
    return status;
  }
  if (status === 404 && (body.includes(NOT_MEMBER) || body.includes(CONCEALED_ANSWER))) {
    return 404;
  }
  return 'allowed';
}

describe(`authorization matrix on ${testDatabaseKind()}`, () => {
  it('covers every operation of the OpenAPI document, and each has a permission', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const registered = new Set(t.app.routePermissions.map((r) => `${r.method} ${r.url}`));
    expect(operations.filter((op) => !registered.has(op))).toEqual([]);
    expect(operations.length).toBeGreaterThan(15);
  });

  it('lets exactly the permitted callers through', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const mismatches: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        const route = t.app.routePermissions.find((r) => r.method === method && r.url === url);
        if (!route) {
          mismatches.push(`${method} ${path}: no permission`);
          continue;
        }
        const concrete = path
          .replace('{orgId}', orgId)
          .replace(/\{\w+\}/g, '01a20000-0000-7000-8000-000000000000');
        for (const caller of CALLERS) {
          const headers = await (headersOf.get(caller) ?? (() => Promise.resolve({})))();
          const res = await t.app.inject({
            method: method as 'GET',
            url: concrete,
            headers,
            ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
          });
          const want = expected(route.permission, caller, path.includes('{orgId}'));
          const got = outcome(res.statusCode, res.body);
          if (want !== got) {
            mismatches.push(
              `${method} ${path} as ${caller}: expected ${want}, got ${res.statusCode}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every operation as sixteen callers: about 2,000 requests.
  }, 120_000);
});
