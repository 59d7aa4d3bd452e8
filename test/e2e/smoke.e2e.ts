import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../src/contracts/audit-actions';
import type { TestDatabaseKind } from '../support/database';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OWNER = { email: 'dana@riverside.example', password: 'brisk maple orchard 1987' };
const databases = (process.env.TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((s) => s.trim()) as TestDatabaseKind[];

describe.each(databases)('the built app on %s', (kind) => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp(kind);
    console.log(`[e2e] ${kind}: /healthz answered ${app.startMs} ms after start`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    expect(await app.stop()).toBe(0);
  });

  it('answers probes, the OpenAPI document and API 404s', async () => {
    expect(app.startMs).toBeLessThan(15_000);
    if (kind === 'sqlite') {
      expect(existsSync(path.join(app.dataDir, 'custos.db'))).toBe(true);
    }
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const doc = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    const nope = await fetch(`${app.url}/api/nope`);
    expect(nope.status).toBe(404);
    expect(((await nope.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const page = await fetch(`${app.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends a new installation to first-run setup, then into the app', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Custos' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `setup-${kind}`);
    await page.getByLabel(/^Organization/).fill('Riverside Family Clinic');
    await page.getByLabel(/^Your name/).fill('Dana Whitfield');
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByLabel(/^Repeat the password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('button', { name: /Organization: Riverside Family Clinic/ }).isVisible(),
    ).resolves.toBe(true);
    expect(await page.title()).toBe('Dashboard · Custos');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `overview-${kind}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the system status from the API, in light and dark themes', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'System status' }).first().click();
    await page.getByText('Custos 0.1.0').waitFor();
    const label = kind === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL';
    await expect(page.getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Current', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `status-light-${kind}`);

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `status-dark-${kind}`);
    await page.close();
  });

  it('offers a skip link as the first keyboard stop', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/admin/status`);
    await page.getByText('Custos 0.1.0').waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Skip to main content');
    await page.close();
  });

  it('falls back to the app for unknown pages and says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, `not-found-mobile-${kind}`);
    await page.close();
  });

  it('shows the setup in the audit log, then signs out and back in', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/admin/audit-log`);
    // The log names actions for people (issue 12): the label, not the key.
    await page.getByRole('cell', { name: auditActionLabel('setup.completed') }).waitFor();
    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByText('The audit trail is intact').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `audit-log-${kind}`);

    await page.getByRole('button', { name: /Account of Dana Whitfield/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Let the user menu finish fading out: axe measures contrast through overlapping layers.
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is incorrect.').waitFor();
    await screenshot(page, `sign-in-error-${kind}`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/a link to choose a new password is on its way/).waitFor();
    await page.goto(`${app.url}/sign-in?next=%2Fadmin%2Faudit-log`);
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: auditActionLabel('auth.sign_in_failed') }).waitFor();
    await page.close();
  });
});
