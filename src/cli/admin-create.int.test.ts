import { describe, expect, it } from 'vitest';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases } from '../../test/support/database';
import { verifyPassword } from '../server/features/auth/passwords';

const freshDatabase = freshDatabases();
const args = [
  'admin',
  'create',
  '--org',
  'Lakeside Dental',
  '--email',
  'ops@lakeside.example',
  '--password-stdin',
];

describe('custos admin create', () => {
  it('creates the organization and its owner, reading the password from stdin', async () => {
    const database = await freshDatabase({ migrate: false });
    const run = await cli(args, envFor(database.target), 'tidal granite meadow 4821\n');
    expect(run.err).toEqual([]);
    expect(run.result).toBe(0);
    expect(run.out[0]).toMatch(/^[0-9a-f-]{36}$/);
    const db = database.handle.db;
    const org = await db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ id: run.out[0], name: 'Lakeside Dental' });
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.email).toBe('ops@lakeside.example');
    expect(await verifyPassword(user.password_hash, 'tidal granite meadow 4821')).toBe(true);
    const membership = await db.selectFrom('memberships').selectAll().executeTakeFirstOrThrow();
    expect(membership.role).toBe('owner');
    const instance = await db.selectFrom('instance').selectAll().executeTakeFirstOrThrow();
    expect(instance.setup_completed_at).not.toBeNull();
    const actions = await db.selectFrom('audit_events').select('action').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'organization.created',
      'user.created',
      'membership.created',
      'setup.completed',
    ]);
  });

  it('refuses a weak password with one line saying why, and writes nothing', async () => {
    const database = await freshDatabase();
    const run = await cli(args, envFor(database.target), 'qwerty123456');
    expect(run.result).toBe(1);
    expect(run.err).toEqual([
      'custos: password is one of the most commonly used passwords, which attackers try first; choose another',
    ]);
    expect(await database.handle.db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('requires --password-stdin and refuses an existing email', async () => {
    const database = await freshDatabase();
    const without = await cli(args.slice(0, -1), envFor(database.target));
    expect(without.result).toBe(1);
    expect(without.err[0]).toMatch(/--password-stdin is required/);
    expect((await cli(args, envFor(database.target), 'tidal granite meadow 4821')).result).toBe(0);
    const again = await cli(args, envFor(database.target), 'tidal granite meadow 4821');
    expect(again.result).toBe(1);
    expect(again.err).toEqual(['custos: owner.email already has an account']);
  });
});
