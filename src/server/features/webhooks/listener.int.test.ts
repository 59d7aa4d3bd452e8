import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { testDeps } from '../../../../test/support/tenants';
import { fixedResolver } from '../../../../test/support/webhook-receiver';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { webhookAuditListener } from './listener';
import { listDeliveries } from './repository/deliveries';

const startApp = testApps();
const SYSTEM: AuditContext = {
  actor: { type: 'system', id: null, label: 'test' },
  ip: null,
  userAgent: null,
  requestId: null,
};

describe(`the webhook audit listener on ${testDatabaseKind()}`, () => {
  it('queues a delivery only for a subscribed event of the endpoint’s organization that commits', async () => {
    const clock = testClock();
    const outbound = fixedResolver({ 'hooks.example.org': ['93.184.215.14'] });
    const t = await startApp({ clock, outbound });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const admin = await buildMember(db, clock, org.id, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/webhooks`,
      headers: admin.headers,
      payload: { url: 'https://hooks.example.org/in', eventTypes: ['risk.changed'] },
    });
    const endpointId = created.json<{ id: string }>().id;
    const deps = { ...testDeps(t, clock), outbound };
    const withListener = { ...deps, auditListeners: [webhookAuditListener(deps)] };
    const append = (orgId: string, action: 'risk.changed' | 'risk.created', fail = false) =>
      db
        .transaction()
        .execute(async (trx) => {
          await appendAuditEvent(trx, withListener, SYSTEM, {
            orgId,
            action,
            entity: { type: 'risk', id: '0190d5a0-0000-7000-8000-000000000001' },
          });
          if (fail) throw new Error('the change fails after its event');
        })
        .catch(() => undefined);

    await append(org.id, 'risk.changed', true);
    await append(org.id, 'risk.created');
    await append(other.id, 'risk.changed');
    expect(await listDeliveries(db, org.id, endpointId, { limit: 10 })).toEqual([]);

    await append(org.id, 'risk.changed');
    const [delivery, ...more] = await listDeliveries(db, org.id, endpointId, { limit: 10 });
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({ event_type: 'risk.changed', state: 'pending', attempts: 0 });
    expect(JSON.parse(delivery?.payload ?? '')).toMatchObject({
      type: 'risk.changed',
      data: {
        orgId: org.id,
        recordType: 'risk',
        recordId: '0190d5a0-0000-7000-8000-000000000001',
        actorType: 'system',
        actorId: null,
      },
    });
  });
});
