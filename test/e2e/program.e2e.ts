import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../support/cli';
import type { TestDatabaseKind } from '../support/database';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const databases = (process.env.TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((s) => s.trim()) as TestDatabaseKind[];

async function expectAccessible(page: Page) {
  // The pointer would leave a hover highlight under the last click.
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe.each(databases)('compliance program on %s', (kind) => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp(kind);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  it('a new organization designates its Security Official from the first-week path and sees progress move', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Custos' }).waitFor();
    await page.getByLabel(/^Organization/).fill('Harbor Dental');
    await page.getByLabel(/^Your name/).fill('Nadia Haddad');
    await page.getByLabel(/^Email/).fill('nadia@harbor-dental.example');
    await page.getByLabel(/^Password/).fill('harbor lights over calm water 7');
    await page.getByLabel(/^Repeat the password/).fill('harbor lights over calm water 7');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.getByTestId('overall-percent').textContent()).toBe('0%');
    const path = page.getByRole('list', { name: 'First-week path' });
    // Policies (issue 14) and training (issue 15) are live steps: business associates still coming.
    expect(await path.locator('li[data-state="coming"]').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, `program-new-dashboard-${kind}`);

    await path.getByRole('link', { name: 'Designate your Security Official' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization profile' }).waitFor();
    await page.getByRole('combobox', { name: 'Security Official' }).click();
    await page.getByRole('option', { name: 'Nadia Haddad' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.getByTestId('overall-percent').textContent()).toBe('1%');
    expect(await path.locator('li[data-state="done"]').count()).toBe(1);
    await screenshot(page, `program-designated-dashboard-${kind}`);

    await page.goto(`${app.url}/safeguards/${encodeURIComponent('164.308(a)(2)')}`);
    await page.getByRole('heading', { level: 2, name: 'How you comply' }).waitFor();
    await screenshot(page, `program-designated-record-${kind}`);
    await expect
      .poll(() => page.getByRole('textbox', { name: /Implementation statement/ }).inputValue())
      .toContain('designated Security Official on');
  });

  it('the demo clinic: dashboard, register, a decision, tasks, readiness and the printable register', async () => {
    const demo = await spawnNode(['bin/custos.js', 'demo'], app.env).exit;
    expect(demo.code, demo.stderr).toBe(0);
    const password = /\s(riverside-[\w-]+)\s/.exec(demo.stdout)?.[1] ?? '';
    const page = await browser.newPage();
    // Harbor Dental's owner is signed in from the first test in other pages; sign in fresh here.
    await page.context().clearCookies();
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel(/^Email/).fill('priya@riverside-clinic.example');
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('Riverside Family Clinic:').waitFor();
    await expect.poll(() => page.getByTestId('overall-percent').textContent()).not.toBe('0%');
    await expectAccessible(page);
    await screenshot(page, `program-demo-dashboard-${kind}`);

    await page.getByRole('link', { name: 'Decisions missing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Safeguards' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, `program-demo-safeguards-${kind}`);

    await page.goto(`${app.url}/safeguards/${encodeURIComponent('164.310(a)(2)(iii)')}`);
    await page.getByRole('heading', { level: 2, name: /Addressable decision/ }).waitFor();
    await page.getByRole('radio', { name: 'Not reasonable and appropriate' }).check();
    // The decision rests on the clinic's approved assessment, offered first (164.306(d)(3)).
    await expect
      .poll(() =>
        page
          .getByLabel(/^Basis/)
          .and(page.locator('input'))
          .inputValue(),
      )
      .toMatch(/^RA-\d+ /);
    // Who approved is who acted: the form names no one else; the approver is the one recording.
    await page.getByText('You (Priya Raman)').waitFor();
    expect(await page.getByRole('combobox', { name: /^Approved by/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Record decision' }).click();
    // No rationale: the server names the field and nothing is recorded.
    await page.getByText(/The rationale is required/).waitFor();
    await page
      .getByRole('textbox', { name: /Why the specification/ })
      .fill('Badges are reviewed by the landlord quarterly.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    await page.getByText('Decision recorded').first().waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Badge holder list, November');
    await page.getByRole('textbox', { name: 'Address' }).fill('https://intranet.example/badges');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('link', { name: /Badge holder list, November/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, `program-demo-decision-${kind}`);

    await page.goto(`${app.url}/tasks?scope=all`);
    await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    await page.getByText('Overdue ·').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, `program-demo-tasks-${kind}`);

    await page.goto(`${app.url}/readiness`);
    await page.getByRole('heading', { level: 2, name: 'Multi-factor authentication' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, `program-demo-readiness-${kind}`);

    await page.goto(`${app.url}/safeguards/print`);
    await page.getByRole('heading', { level: 1, name: /Safeguard register/ }).waitFor();
    await page.getByText('Unique user identification').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, `program-demo-print-${kind}`);
  });
});
