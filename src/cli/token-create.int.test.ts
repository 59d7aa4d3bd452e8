import { v7 as uuidv7 } from 'uuid';
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

  it("sends the organization's token.created webhook, as the app does", async () => {
    const database = await freshDatabase();
    const db = database.handle.db;
    const org = await buildOrganization(db);
    const user = await buildUser(db, { email: 'it@clinic.example' });
    await buildMembership(db, org.id, user.id, 'admin');
    const at = new Date().toISOString();
    await db
      .insertInto('webhook_endpoints')
      .values({
        id: uuidv7(),
        org_id: org.id,
        url: 'https://hooks.example.org/in',
        description: '',
        event_types: JSON.stringify(['token.created']),
        active: 1,
        disabled_reason: null,
        // Never opened: the delivery is only queued here (the server sends it).
        secret_sealed: 'sealed',
        previous_secret_sealed: null,
        previous_secret_expires_at: null,
        demo_local: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const run = await cli(
      ['token', 'create', '--email', 'it@clinic.example', '--org', org.id, '--role', 'auditor'],
      envFor(database.target),
    );
    expect(run.err).toEqual([]);
    expect(run.result).toBe(0);
    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select(['org_id', 'event_type', 'state'])
      .execute();
    expect(deliveries).toEqual([{ org_id: org.id, event_type: 'token.created', state: 'pending' }]);
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
