import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../support/cli';
import type { TestDatabaseKind } from '../support/database';
import { a11yViolations, launchOptions } from './support/browser';
import { startApp, type RunningApp } from './support/server';
import { SCHEMES, WIDTHS } from './support/tour';

const kind = (process.env.TEST_DATABASES?.split(',')[0] ?? 'sqlite') as TestDatabaseKind;
// Where the shots go: E2E_SHOTS, or test-results/e2e.
const SHOTS = process.env.E2E_SHOTS ?? path.resolve(import.meta.dirname, '../../test-results/e2e');
const OWNER = 'dana@riverside-clinic.example';
const MEMBER = 'sam@riverside-clinic.example';
const NEW_PASSWORD = 'heron lantern orchard meadow 31';

/** Every width and scheme: a shot each, and axe on the dialog in each. */
async function shootAll(page: Page, name: string, problems: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await page.locator(`html[data-mantine-color-scheme="${colorScheme}"]`).waitFor();
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${colorScheme}.png`) });
      const only = colorScheme === SCHEMES[0] ? undefined : ['color-contrast'];
      problems.push(
        ...(await a11yViolations(page, only)).map((v) => `${name} ${width} ${colorScheme}: ${v}`),
      );
    }
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe(`a reset link an owner issues, handed over in person, on ${kind}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let password = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp(kind, Number(process.env.E2E_PORT ?? 0) || undefined);
    const demo = await spawnNode(['bin/custos.js', 'demo'], app.env).exit;
    expect(demo.code, demo.stderr).toBe(0);
    password = /\s(riverside-[\w-]+)\s/.exec(demo.stdout)?.[1] ?? '';
    browser = await chromium.launch(launchOptions());
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  async function signIn(page: Page, email: string, secret: string) {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Password/).fill(secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows the link once to the owner; the member sets a password and reads who reset it', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ bypassCSP: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, OWNER, password);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(`${app.url}/admin/members`);
    await page.getByRole('button', { name: 'Reset password for Sam Ortiz' }).click();
    await page.getByRole('button', { name: 'Issue a reset link' }).click();
    const field = page.getByLabel('One-time reset link');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(/\/reset-password#[\w-]{40,}$/);
    await shootAll(page, 'reset-dialog', problems);
    await page.getByRole('button', { name: 'Done' }).click();

    // The outbox never shows it.
    await page.goto(`${app.url}/admin/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    expect(await page.content()).not.toContain(link.split('#')[1]);
    await context.close();

    const member = await browser.newContext({ bypassCSP: true, reducedMotion: 'reduce' });
    const memberPage = await member.newPage();
    memberPage.setDefaultTimeout(10_000);
    await memberPage.goto(link);
    await memberPage.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await memberPage.getByLabel(/^Repeat the new password/).fill(NEW_PASSWORD);
    await memberPage.getByRole('button', { name: 'Set the new password' }).click();
    await memberPage
      .getByText(/password/i)
      .first()
      .waitFor();
    await signIn(memberPage, MEMBER, NEW_PASSWORD);
    const notice = memberPage.getByRole('dialog', {
      name: 'An administrator issued you a password reset link',
    });
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toContain('Dana Whitfield');
    await shootAll(memberPage, 'reset-notice', problems);
    await memberPage.getByRole('button', { name: 'I understand' }).click();
    await notice.waitFor({ state: 'hidden' });
    await memberPage.reload();
    await memberPage.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await notice.count()).toBe(0);
    await member.close();
    expect(problems).toEqual([]);
  });
});
