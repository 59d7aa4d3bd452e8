import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../support/cli';
import type { TestDatabaseKind } from '../support/database';
import { a11yViolations, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';
import {
  SCHEMES,
  WIDTHS,
  clippedText,
  horizontalOverflow,
  launchTourBrowser,
  layoutKey,
  offeredLinks,
  openInApp,
  pageKey,
  roleContext,
  trackRequests,
} from './support/tour';

// Issue 12's acceptance: every page of the demo, by each role, on a desktop and a phone, in
// light and dark. The pages are what the navigation and the dashboard offer, and what those
// pages link to (one of each kind: the register once, not per risk). The checks hold in every
// combination: nothing wider than the window, no text cut off (a badge, a select's value, a
// cell) and no table scrolling unannounced, axe-core clean, no console error; and no request
// of the whole walk answered 403, since the walk only follows links the app offered.
// One database is enough: this is about the pages, and CI's 90 minutes are shared.
const kind = ((process.env.TEST_DATABASES ?? 'sqlite').split(',')[0]?.trim() ??
  'sqlite') as TestDatabaseKind;
const ROLES = [
  { role: 'owner', email: 'dana@riverside-clinic.example' },
  { role: 'admin', email: 'marcus@riverside-clinic.example' },
  { role: 'security official', email: 'priya@riverside-clinic.example' },
  { role: 'workforce member', email: 'sam@riverside-clinic.example' },
  { role: 'auditor', email: 'helen@brooks-audit.example' },
];
/** Pages beyond this many per role mean the walk went astray (a key that keeps ids). */
const MAX_PAGES = 60;
const SHOTS = process.env.TOUR_SCREENSHOTS === '1';
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** The heading of app/PermissionGate.tsx: a link the role was offered but cannot open. */
const FORBIDDEN = 'Not open to your role';

describe(`the demo clinic, page by page, on ${kind}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let password = '';

  beforeAll(async () => {
    app = await startApp(kind);
    const demo = await spawnNode(['bin/custos.js', 'demo'], app.env).exit;
    expect(demo.code, demo.stderr).toBe(0);
    password = /\s(riverside-[\w-]+)\s/.exec(demo.stdout)?.[1] ?? '';
    browser = await launchTourBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  async function signIn(page: Page, email: string) {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }

  // Two roles at a time: the browser's pages and the server share the two cores.
  it.concurrent.for(ROLES)(
    'as the $role: no overflow or cut-off text, axe clean, no console error, no 403',
    // About 60 pages × 2 widths × 2 schemes, two roles at a time on two cores.
    { timeout: 420_000 },
    async ({ role, email }, { expect }) => {
      const context = await roleContext(browser);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await signIn(page, email);

      const problems: string[] = [];
      let where = '';
      const requests = trackRequests(page);
      page.on('response', (response) => {
        if (response.status() === 403) {
          problems.push(`${where}: ${response.request().method()} ${response.url()} answered 403`);
        }
      });
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`${where}: console error ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`${where}: ${String(error)}`));

      // Breadth first: the dashboard and the navigation, then what their pages link to.
      const queue: { href: string; depth: number }[] = [{ href: `${app.url}/`, depth: 0 }];
      const seen = new Set([pageKey(`${app.url}/`)]);
      const offer = (href: string, depth: number) => {
        if (!seen.has(pageKey(href))) {
          seen.add(pageKey(href));
          queue.push({ href, depth });
        }
      };
      const checked = new Set<string>();
      const shot = new Set<string>();
      const visited: string[] = [];
      for (let next = queue.shift(); next; next = queue.shift()) {
        where = `${role} ${pageKey(next.href)}`;
        await openInApp(page, next.href, requests);
        visited.push(pageKey(next.href));
        const h1 = page.locator('h1').first();
        const heading = (await h1.count()) > 0 ? await h1.textContent() : null;
        if (heading === null) {
          problems.push(`${where}: no h1 heading`);
        } else if (heading === FORBIDDEN) {
          problems.push(`${where}: offered, but not open to the role`);
        }
        if (next.depth < 2) {
          const links = [
            ...(next.depth === 0 ? await offeredLinks(page, 'nav') : []),
            ...(await offeredLinks(page, 'main')),
          ];
          for (const href of links) {
            offer(href, next.depth + 1);
            // The data-flow map is a tab of the inventory, not a link of its own.
            if (new URL(href).pathname === '/assets') {
              offer(`${app.url}/assets?view=map`, next.depth + 1);
            }
          }
        }
        // A filter's other values show the same page: its requests were checked just now.
        const layout = layoutKey(next.href) + (next.href.includes('view=map') ? '#map' : '');
        if (checked.has(layout)) {
          continue;
        }
        checked.add(layout);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const colorScheme of SCHEMES) {
            await page.emulateMedia({ colorScheme });
            await page.locator(`html[data-mantine-color-scheme="${colorScheme}"]`).waitFor();
            await requests.idle();
            await page.mouse.move(0, 0);
            const combo = `${where} at ${width} px, ${colorScheme}`;
            // The scheme changes colours only (the same elements): the second scheme at a width
            // runs the rules a colour can break, the first runs them all.
            const only = colorScheme === SCHEMES[0] ? undefined : COLOUR_RULES;
            // What is cut off depends on the width, not the colours: checked once per width.
            const found = [
              await horizontalOverflow(page),
              ...(colorScheme === SCHEMES[0] ? await clippedText(page) : []),
              ...(await a11yViolations(page, only)),
            ].filter((p) => p !== null);
            problems.push(...found.map((p) => `${combo}: ${p}`));
            if (SHOTS || (found.length > 0 && !shot.has(where))) {
              shot.add(where);
              const name = `${role}${pageKey(next.href)}-${width}-${colorScheme}`;
              await screenshot(page, `tour-${name.replace(/[^\w-]+/g, '_')}`);
            }
          }
        }
        await page.setViewportSize({ width: WIDTHS[0], height: 900 });
        await page.emulateMedia({ colorScheme: SCHEMES[0] });
      }
      console.log(`[tour] ${role}: ${visited.length} pages: ${visited.join(' ')}`);
      expect(visited.length).toBeLessThanOrEqual(MAX_PAGES);
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});
