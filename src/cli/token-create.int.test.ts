import { describe, expect, it } from 'vitest';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases } from '../../test/support/database';
import { buildMembership, buildOrganization, buildUser } from '../../test/support/factories';

const freshDatabase = freshDatabases();

describe('custos token create', () => {
  it('prints a token that only the hash of is stored', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    const org = await buildOrganization(db);
    const user = await buildUser(db, { email: 'it@clinic.example' });
    await buildMembership(db, org.id, user.id, 'admin');
    const run = await cli(
      [
        'token',
        'create',
        '--email',
        'IT@clinic.example',
        '--org',
        org.id,
        '--role',
        'auditor',
        '--days',
        '30',
      ],
      envFor(database.target),
    );
    expect(run.err).toEqual([]);
    expect(run.result).toBe(0);
    expect(run.out[0]).toMatch(/^cst_/);
    const row = await db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: org.id, user_id: user.id, role: 'auditor' });
    expect(JSON.stringify(row)).not.toContain(run.out[0]);
  });

  it('names the wrong option in one line', async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    const org = await buildOrganization(db);
    const user = await buildUser(db, { email: 'it@clinic.example' });
    await buildMembership(db, org.id, user.id, 'workforce');
    const env = envFor(database.target);
    const base = ['token', 'create', '--email', 'it@clinic.example', '--org', org.id];
    expect((await cli([...base, '--role', 'boss'], env)).err).toEqual([
      'custos: --role must be one of the roles',
    ]);
    expect((await cli([...base, '--role', 'admin'], env)).err).toEqual([
      'custos: --role is above your own role (workforce) in this organization',
    ]);
    expect((await cli([...base, '--role', 'workforce', '--days', '999'], env)).err).toEqual([
      'custos: --days must be at most 365 days',
    ]);
    expect(
      (
        await cli(
          [
            'token',
            'create',
            '--email',
            'nobody@x.example',
            '--org',
            org.id,
            '--role',
            'workforce',
          ],
          env,
        )
      ).err,
    ).toEqual(['custos: --email: no account with the address nobody@x.example']);
  });
});
