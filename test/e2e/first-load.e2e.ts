import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startApp, type RunningApp } from './support/server';

// Issue 12: a first visit printed a React Router warning ("No HydrateFallback element provided")
// and, once set up, a console error for GET /api/me answered 401 to a visitor.

/** Console warnings and errors of a page, and the requests answered 400 or more. */
function listen(page: Page): string[] {
  const heard: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') heard.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => heard.push(`pageerror: ${String(e)}`));
  page.on('response', (r) => {
    if (r.status() >= 400) heard.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return heard;
}

describe('a first visit, before and after setup', () => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    expect(await app.stop()).toBe(0);
  });

  it('logs no warning, error or failed request in the console', async () => {
    const page = await browser.newPage();
    const heard = listen(page);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Custos' }).waitFor();

    const setup = await fetch(`${app.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custos-csrf': '1' },
      body: JSON.stringify({
        organization: { name: 'Riverside Family Clinic' },
        owner: {
          name: 'Dana Whitfield',
          email: 'dana@riverside.example',
          password: 'brisk maple orchard 1987',
        },
      }),
    });
    expect(setup.status).toBe(201);
    for (const path of ['/', '/safeguards', '/sign-in']) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    }
    expect(heard).toEqual([]);
    await page.close();
  });
});
