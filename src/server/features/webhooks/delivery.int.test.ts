import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { testDeps } from '../../../../test/support/tenants';
import { fixedResolver, startReceiver } from '../../../../test/support/webhook-receiver';
import type { OutboundPolicy } from '../../platform/net/outbound';
import { runDelivery } from './deliver';

const startApp = testApps();

async function setUp(outbound: OutboundPolicy, clock = testClock(new Date().toISOString())) {
  const t = await startApp({ clock, outbound, quietJobs: true });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const admin = await buildMember(db, clock, org.id, 'admin');
  const base = `/api/orgs/${org.id}/webhooks`;
  const deps = { ...testDeps(t, clock), outbound };
  const create = (url: string, eventTypes = ['task.completed']) =>
    t.app.inject({
      method: 'POST',
      url: base,
      headers: admin.headers,
      payload: { url, eventTypes },
    });
  const deliveries = async (endpointId: string) =>
    (
      await t.app.inject({
        url: `${base}/${endpointId}/deliveries`,
        // A fresh session: the clock moves past the idle timeout between attempts.
        headers: await sessionHeaders(db, clock, admin.user.id, org.id),
      })
    ).json<{
      data: {
        id: string;
        state: string;
        eventType: string;
        attempts: {
          attempt: number;
          at: string;
          statusCode: number | null;
          error: string | null;
          nextAttemptAt: string | null;
        }[];
        nextAttemptAt: string | null;
      }[];
    }>().data;
  return { t, db, org, admin, base, deps, clock, create, deliveries };
}

describe(`webhook deliveries on ${testDatabaseKind()}`, () => {
  it('are signed per Standard Webhooks: a real receiver verifies them with the endpoint secret', async () => {
    const receiver = await startReceiver(18201, [204]);
    try {
      const s = await setUp(fixedResolver({}, true));
      const created = await s.create(receiver.url);
      expect(created.statusCode).toBe(201);
      const { id, secret } = created.json<{ id: string; secret: string }>();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

      // A task completed in the organization: the endpoint wants task.completed.
      const task = await s.t.app.inject({
        method: 'POST',
        url: `/api/orgs/${s.org.id}/tasks`,
        headers: s.admin.headers,
        payload: { title: 'Review the access log of Mrs Jones' },
      });
      const taskId = task.json<{ id: string }>().id;
      await s.t.app.inject({
        method: 'POST',
        url: `/api/orgs/${s.org.id}/tasks/${taskId}/complete`,
        headers: s.admin.headers,
        payload: { note: 'Nothing unexpected for Mrs Jones' },
      });
      // The delivery job, queued with the change, runs: one request.
      expect(await s.t.jobs.drain()).toBe(1);
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      if (!got) throw new Error('nothing received');
      const headers = {
        'webhook-id': String(got.headers['webhook-id']),
        'webhook-timestamp': String(got.headers['webhook-timestamp']),
        'webhook-signature': String(got.headers['webhook-signature']),
      };
      expect(headers['webhook-id']).toBe((await s.deliveries(id))[0]?.id);
      expect(new Webhook(secret).verify(got.body, headers)).toEqual(JSON.parse(got.body));
      expect(() =>
        new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got.body, headers),
      ).toThrow();

      // Ids and enumerated values only: nothing a person wrote (the title, the note) leaves.
      const body = JSON.parse(got.body) as { type: string; data: Record<string, unknown> };
      expect(body.type).toBe('task.completed');
      expect(Object.keys(body.data).sort()).toEqual(
        ['action', 'actorId', 'actorType', 'eventId', 'orgId', 'recordId', 'recordType'].sort(),
      );
      expect(body.data).toMatchObject({
        orgId: s.org.id,
        recordType: 'task',
        recordId: taskId,
        actorId: s.admin.user.id,
      });
      expect(got.body).not.toContain('Jones');

      const [log] = await s.deliveries(id);
      expect(log).toMatchObject({
        state: 'delivered',
        eventType: 'task.completed',
        nextAttemptAt: null,
      });
      expect(log?.attempts).toEqual([
        expect.objectContaining({ attempt: 1, statusCode: 204, error: null, nextAttemptAt: null }),
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('retries a failing receiver with doubling delays, each attempt in the log, until it answers', async () => {
    const receiver = await startReceiver(18202, [500, 503, 500, 200]);
    try {
      const s = await setUp(fixedResolver({}, true), testClock('2026-06-01T09:00:00.000Z'));
      const { id } = (await s.create(receiver.url)).json<{ id: string }>();
      const sent = await s.t.app.inject({
        method: 'POST',
        url: `${s.base}/${id}/test`,
        headers: s.admin.headers,
      });
      expect(sent.statusCode).toBe(202);
      const deliveryId = sent.json<{ id: string }>().id;

      const waits: number[] = [];
      // The first attempt runs as its job; later ones are run directly once the moved clock makes
      // them due: pg-boss counts a job's delay in the database's own time, which no test moves.
      expect(await s.t.jobs.drain()).toBe(1);
      for (let round = 1; round <= 4; round++) {
        if (round > 1) await runDelivery(s.deps, deliveryId);
        // A second run of the same delivery before its next attempt is due does nothing.
        await runDelivery(s.deps, deliveryId);
        const [log] = await s.deliveries(id);
        const last = log?.attempts.at(-1);
        expect(log?.attempts).toHaveLength(round);
        if (last?.nextAttemptAt) {
          waits.push(Date.parse(last.nextAttemptAt) - Date.parse(last.at));
          s.clock.set(last.nextAttemptAt);
        }
      }
      expect(receiver.received).toHaveLength(4);
      expect(waits).toEqual([30_000, 60_000, 120_000]);
      const [log] = await s.deliveries(id);
      expect(log?.state).toBe('delivered');
      expect(log?.attempts.map((a) => a.statusCode)).toEqual([500, 503, 500, 200]);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after twelve retries, about a day and a half later', async () => {
    const s = await setUp(fixedResolver({}, true), testClock('2026-06-01T09:00:00.000Z'));
    // Nothing listens on this port: every attempt is refused.
    const { id } = (await s.create('http://127.0.0.1:18203/hook')).json<{ id: string }>();
    const sent = await s.t.app.inject({
      method: 'POST',
      url: `${s.base}/${id}/test`,
      headers: s.admin.headers,
    });
    expect(sent.statusCode).toBe(202);
    const deliveryId = sent.json<{ id: string }>().id;
    expect(await s.t.jobs.drain()).toBe(1);
    for (let i = 0; i < 14; i++) {
      await runDelivery(s.deps, deliveryId);
      const next = (await s.deliveries(id))[0]?.nextAttemptAt;
      if (next) s.clock.set(next);
    }
    const [log] = await s.deliveries(id);
    expect(log?.state).toBe('failed');
    expect(log?.attempts).toHaveLength(13);
    expect(log?.attempts[0]?.error).toBe('The receiver refused the connection.');
    const span =
      Date.parse(log?.attempts.at(-1)?.at ?? '') - Date.parse(log?.attempts[0]?.at ?? '');
    expect(span / 3_600_000).toBeCloseTo(34.1, 1);
  });

  it('checks the address again at send time: a name now resolving to a private address is not called', async () => {
    const receiver = await startReceiver(18204, [200]);
    try {
      const outbound = fixedResolver({ 'hooks.example.org': ['93.184.215.14'] });
      const s = await setUp(outbound);
      const created = await s.create('https://hooks.example.org/in');
      expect(created.statusCode).toBe(201);
      const { id } = created.json<{ id: string }>();
      outbound.table['hooks.example.org'] = ['93.184.215.14', '10.0.0.5'];
      const sent = await s.t.app.inject({
        method: 'POST',
        url: `${s.base}/${id}/test`,
        headers: s.admin.headers,
      });
      expect(sent.statusCode).toBe(202);
      expect(await s.t.jobs.drain()).toBe(1);
      const [log] = await s.deliveries(id);
      expect(log?.attempts[0]).toMatchObject({
        statusCode: null,
        error: 'The address resolves to 10.0.0.5, a private address, which webhooks may not reach.',
      });
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('signs with the old secret too for a day after a rotation, and a 410 turns the endpoint off', async () => {
    const receiver = await startReceiver(18205, [200, 410]);
    try {
      const s = await setUp(fixedResolver({}, true));
      const created = (await s.create(receiver.url)).json<{ id: string; secret: string }>();
      const rotated = await s.t.app.inject({
        method: 'POST',
        url: `${s.base}/${created.id}/rotate-secret`,
        headers: s.admin.headers,
      });
      expect(rotated.statusCode).toBe(200);
      const { secret, previousSecretExpiresAt } = rotated.json<{
        secret: string;
        previousSecretExpiresAt: string;
      }>();
      expect(secret).not.toBe(created.secret);
      expect(Date.parse(previousSecretExpiresAt) - s.clock.now().getTime()).toBe(24 * 3_600_000);

      for (let i = 0; i < 2; i++) {
        const sent = await s.t.app.inject({
          method: 'POST',
          url: `${s.base}/${created.id}/test`,
          headers: s.admin.headers,
        });
        expect(sent.statusCode).toBe(202);
        expect(await s.t.jobs.drain()).toBe(1);
      }
      const [got] = receiver.received;
      if (!got) throw new Error('nothing received');
      const headers = {
        'webhook-id': String(got.headers['webhook-id']),
        'webhook-timestamp': String(got.headers['webhook-timestamp']),
        'webhook-signature': String(got.headers['webhook-signature']),
      };
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect(() => new Webhook(secret).verify(got.body, headers)).not.toThrow();
      expect(() => new Webhook(created.secret).verify(got.body, headers)).not.toThrow();

      const endpoint = await s.t.app.inject({
        url: `${s.base}/${created.id}`,
        headers: s.admin.headers,
      });
      expect(endpoint.json()).toMatchObject({ active: false, disabledReason: 'gone' });
      const [gone] = await s.deliveries(created.id);
      expect(gone).toMatchObject({ state: 'failed', nextAttemptAt: null });
    } finally {
      await receiver.close();
    }
  });

  it('ends quietly when its endpoint is removed while an attempt runs: no retry, no error', async () => {
    const s = await setUp(fixedResolver({}, true));
    let removed: number | null = null;
    let endpointId = '';
    // The receiver removes its own endpoint before answering, then answers 500 (worth a retry).
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        void s.t.app
          .inject({ method: 'DELETE', url: `${s.base}/${endpointId}`, headers: s.admin.headers })
          .then((deleted) => {
            removed = deleted.statusCode;
            res.statusCode = 500;
            res.end();
          });
      });
    });
    await new Promise<void>((resolve) => server.listen(18603, '127.0.0.1', resolve));
    try {
      endpointId = (await s.create('http://127.0.0.1:18603/hook')).json<{ id: string }>().id;
      const sent = await s.t.app.inject({
        method: 'POST',
        url: `${s.base}/${endpointId}/test`,
        headers: s.admin.headers,
      });
      expect(sent.statusCode).toBe(202);
      expect(await s.t.jobs.drain()).toBe(1);
      expect(removed).toBe(204);
      expect(await s.t.jobs.list({ queue: 'webhooks.deliver' })).toEqual([
        expect.objectContaining({ state: 'done', attempts: 1, lastError: null }),
      ]);
      expect(await s.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([]);
      expect(await s.db.selectFrom('webhook_attempts').select('id').execute()).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
