import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { spawnNode } from '../../support/cli';
import type { TestDatabaseKind } from '../../support/database';
import { launchBrowser } from './browser';
import { startApp, type RunningApp } from './server';

/** Pixels the page is wider than the window (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** What demoClinic sets up: the server, a browser, and the demo accounts' password. */
export interface DemoClinic {
  readonly app: RunningApp;
  readonly browser: BrowserContext;
  readonly password: string;
}

/**
 * For a describe block: the built server on `kind` holding the demo clinic, and a browser, both
 * stopped after the block, on `port` when given (a helper's own range). Read its fields inside
 * tests (beforeAll sets them).
 */
export function demoClinic(kind: TestDatabaseKind, port?: number): DemoClinic {
  let app: RunningApp | undefined;
  let browser: BrowserContext | undefined;
  let password = '';
  beforeAll(async () => {
    app = await startApp(kind, port);
    browser = await launchBrowser();
    const demo = await spawnNode(['bin/custos.js', 'demo'], app.env).exit;
    expect(demo.code, demo.stderr).toBe(0);
    password = /\s(riverside-[\w-]+)\s/.exec(demo.stdout)?.[1] ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('demoClinic: read its fields inside a test');
    return value;
  };
  return {
    get app() {
      return ready(app);
    },
    get browser() {
      return ready(browser);
    },
    get password() {
      return password;
    },
  };
}

/** Signs a demo person in and waits for the dashboard. */
export async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

/** The databases of this run (TEST_DATABASES, sqlite by default). */
export const e2eDatabases = (process.env.TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((s) => s.trim()) as TestDatabaseKind[];
