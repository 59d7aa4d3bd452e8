import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { fixedResolver } from '../../../../test/support/webhook-receiver';

const startApp = testApps();

/**
 * A receiver that notes each request and answers it only once `gate` opens (a slow
 * receiver, without waiting for a clock).
 */
async function gatedReceiver(
  port: number,
  name: string,
  note: (event: string) => void,
  gate: Promise<void>,
) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      note(`${name} received`);
      void gate.then(() => {
        note(`${name} answered`);
        res.statusCode = 204;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe(`webhook deliveries across organizations on ${testDatabaseKind()}`, () => {
  it("one organization's hanging receiver does not hold up another organization's delivery", async () => {
    const clock = testClock(new Date().toISOString());
    const t = await startApp({ clock, outbound: fixedResolver({}, true), quietJobs: true });
    const db = t.database.handle.db;
    const events: string[] = [];
    let openA: () => void = () => undefined;
    // A's receiver hangs until B's delivery has arrived: without fairness, B waits behind A.
    const gateA = new Promise<void>((resolve) => {
      openA = resolve;
    });
    const note = (event: string) => {
      events.push(event);
      if (event === 'B answered') openA();
    };
    const a = await gatedReceiver(18601, 'A', note, gateA);
    const b = await gatedReceiver(18602, 'B', note, Promise.resolve());
    try {
      const testSends = async (url: string, count: number) => {
        const org = await buildOrganization(db);
        const admin = await buildMember(db, clock, org.id, 'admin');
        const base = `/api/orgs/${org.id}/webhooks`;
        const created = await t.app.inject({
          method: 'POST',
          url: base,
          headers: admin.headers,
          payload: { url, eventTypes: ['task.completed'] },
        });
        const { id } = created.json<{ id: string }>();
        for (let i = 0; i < count; i++) {
          const sent = await t.app.inject({
            method: 'POST',
            url: `${base}/${id}/test`,
            headers: admin.headers,
          });
          expect(sent.statusCode).toBe(202);
        }
      };
      // Org A's five deliveries are queued first, org B's one after them.
      await testSends(a.url, 5);
      await testSends(b.url, 1);
      expect(await t.jobs.drain()).toBe(6);
      // B was answered while A's first delivery still hung, and A's five ran one at a time.
      expect(events).toEqual([
        ...(events[0] === 'A received' ? ['A received'] : []),
        'B received',
        'B answered',
        ...(events[0] === 'A received' ? [] : ['A received']),
        'A answered',
        ...Array.from({ length: 4 }, () => ['A received', 'A answered']).flat(),
      ]);
      // Each at the first attempt: none gave up waiting on its receiver.
      const attempts = await db.selectFrom('webhook_attempts').select('status_code').execute();
      expect(attempts.map((row) => row.status_code)).toEqual(Array.from({ length: 6 }, () => 204));
    } finally {
      openA();
      await a.close();
      await b.close();
    }
  });
});
