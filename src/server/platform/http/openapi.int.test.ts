import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';

// The API's public shape: a change to any operation shows in review as a diff of this snapshot.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the OpenAPI document', () => {
  it('matches the committed snapshot', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    // Operations sorted by path: the order features register in is not part of the API.
    const paths = Object.fromEntries(
      Object.entries(doc.paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const text = `${JSON.stringify({ ...doc, paths }, null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});
