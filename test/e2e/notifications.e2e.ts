import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { a11yViolations, screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

// Also kept outside the repository for the review of this feature's screens.
const SHOTS = process.env.NOTIFICATION_SHOTS ?? '/tmp/i13-notify';

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await a11yViolations(page, ['color-contrast'])).toEqual([]);
}

async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Another person, through the API: signs in and returns a caller with their session. */
async function apiAs(url: string, email: string, password: string) {
  const signedIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-custos-csrf': '1' },
    body: JSON.stringify({ email, password }),
  });
  expect(signedIn.status).toBe(200);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        'x-custos-csrf': '1',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
}

const bellCount = async (page: Page) => {
  const name = await page
    .getByRole('link', { name: /^Notifications, \d+ unread$/ })
    .getAttribute('aria-label');
  return Number(/(\d+) unread/.exec(name ?? '')?.[1] ?? NaN);
};

// Issue 13: a person chooses the digest, sees the bell count change when a task is handed to them,
// opens the notification and lands on the task.
describe.each(e2eDatabases)('notifications on %s', (kind) => {
  const clinic = demoClinic(kind);

  it('sets the digest, counts a new assignment on the bell, and opens the task from it', async () => {
    const page = await clinic.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await signIn(page, clinic.app.url, 'marcus@riverside-clinic.example', clinic.password);

    // The profile: assignments in the daily digest, at 08:00.
    await page.goto(`${clinic.app.url}/profile`);
    const section = page.locator('#notifications');
    await section.getByRole('heading', { name: 'Notifications' }).waitFor();
    await section.getByLabel('Daily digest at').click();
    await page.getByRole('option', { name: '08:00' }).click();
    await section.getByLabel('Email for: A task is assigned to me').click();
    await page.getByRole('option', { name: 'In the daily digest' }).click();
    await section.getByRole('button', { name: 'Save notification choices' }).click();
    await section.getByText('Saved.').waitFor();
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await shoot(page, `notifications-profile-1440-${kind}`);
    await page.reload();
    await expect.poll(() => section.getByLabel('Daily digest at').inputValue()).toBe('08:00');
    expect(await section.getByLabel('Email for: A task is assigned to me').inputValue()).toBe(
      'In the daily digest',
    );

    const before = await bellCount(page);
    expect(before).toBeGreaterThan(0);

    // Priya, the Security Official, hands Marcus a task.
    const priya = await apiAs(clinic.app.url, 'priya@riverside-clinic.example', clinic.password);
    const me = z
      .object({ memberships: z.array(z.object({ orgId: z.string() })) })
      .parse((await priya('GET', '/api/me')).json);
    const orgId = me.memberships[0]?.orgId ?? '';
    const marcus = z
      .object({ user: z.object({ id: z.string() }) })
      .parse(await page.evaluate(async (): Promise<unknown> => (await fetch('/api/me')).json()));
    const created = await priya('POST', `/api/orgs/${orgId}/tasks`, {
      title: 'Check the server closet lock',
      ownerId: marcus.user.id,
      dueOn: '2031-01-15',
    });
    expect(created.status).toBe(201);
    const task = z.object({ id: z.string(), reference: z.string() }).parse(created.json);

    // The bell counts it (a poll each minute, or at once on coming back: here a new page load).
    await page.goto(`${clinic.app.url}/`);
    await expect.poll(() => bellCount(page)).toBe(before + 1);
    await page.getByRole('link', { name: `Notifications, ${before + 1} unread` }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const link = page.getByRole('link', { name: `${task.reference} Check the server closet lock` });
    await link.waitFor();
    await expectAccessible(page);
    await shoot(page, `notifications-page-1440-${kind}`);
    await link.click();
    await page.waitForURL(new RegExp(`/tasks\\?scope=all&task=${task.id}`));
    await page.getByRole('dialog').getByText('Check the server closet lock').first().waitFor();
    await expect.poll(() => bellCount(page)).toBe(before);
    await shoot(page, `notifications-landed-1440-${kind}`);

    // On a phone, light and dark: the page fits and stays accessible.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${clinic.app.url}/notifications`);
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByRole('link', { name: /Check the server closet lock/ }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await shoot(page, `notifications-page-390-${scheme}-${kind}`);
      await page.goto(`${clinic.app.url}/profile`);
      await page
        .locator('#notifications')
        .getByRole('heading', { name: 'Notifications' })
        .waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page);
      await shoot(page, `notifications-profile-390-${scheme}-${kind}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${clinic.app.url}/notifications`);
    await page.getByRole('link', { name: /Check the server closet lock/ }).waitFor();
    await expectAccessible(page);
    await shoot(page, `notifications-page-1440-dark-${kind}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
