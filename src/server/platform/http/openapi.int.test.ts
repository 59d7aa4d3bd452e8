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
    const text = `${JSON.stringify(res.json(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});
