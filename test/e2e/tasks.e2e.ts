import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

// Issue 12: a task the system raised has an owner, and can be rescheduled and reassigned until done.
describe.each(e2eDatabases)('tasks on %s', (kind) => {
  const clinic = demoClinic(kind);

  it('reschedules and reassigns the reminder the approval raised; a done task stays as it was', async () => {
    const page = await clinic.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await signIn(page, clinic.app.url, 'priya@riverside-clinic.example', clinic.password);

    await page.goto(`${clinic.app.url}/tasks?scope=all`);
    const reminder = page.getByRole('button', { name: /Update the risk analysis \(RA-1/ });
    await reminder.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Owner: Priya Raman').waitFor();
    await drawer.getByRole('button', { name: 'Edit task' }).click();
    const form = drawer.getByRole('form', { name: /^Edit TASK-/ });
    await form.getByLabel('Due', { exact: true }).fill('2027-03-31');
    await form.getByLabel('Owner').click();
    await page.getByRole('option', { name: 'Marcus Lee' }).click();
    await expectAccessible(page);
    await screenshot(page, `tasks-edit-${kind}`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await drawer.getByText('Owner: Marcus Lee · Due 31 Mar 2027').waitFor();
    await page.keyboard.press('Escape');

    // A completed task is a record: no Edit.
    await page.goto(`${clinic.app.url}/tasks?scope=all&status=done`);
    await page.getByRole('button', { name: /Send the monthly security tip/ }).click();
    await drawer.getByText('it can no longer be changed').waitFor();
    expect(await drawer.getByRole('button', { name: 'Edit task' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // On a phone the list and the drawer fit the width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${clinic.app.url}/tasks?scope=all`);
    await reminder.click();
    await drawer.getByRole('button', { name: 'Edit task' }).click();
    await form.waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, `tasks-edit-390-${kind}`);
    expect(errors).toEqual([]);
    await page.close();
  });
  // A link is drawn only where the reader's role may go: the rule of the dashboard, in drawers too.
  it('names the safeguard a workforce member’s task is about without linking a page they cannot open', async () => {
    await clinic.browser.clearCookies();
    const page = await clinic.browser.newPage();
    await page.goto(`${clinic.app.url}/sign-in`);
    await page.getByLabel(/^Email/).fill('sam@riverside-clinic.example');
    await page.getByLabel(/^Password/).fill(clinic.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(`${clinic.app.url}/tasks`);
    await page.getByRole('button', { name: /Complete annual security awareness training/ }).click();
    const drawer = page.getByRole('dialog');
    const about = drawer.getByText('164.308(a)(5) Security awareness and training', {
      exact: true,
    });
    await about.waitFor();
    expect(await drawer.getByRole('link', { name: /164\.308\(a\)\(5\)/ }).count()).toBe(0);
    await screenshot(page, `tasks-workforce-about-${kind}`);
    await page.close();

    // Priya, the Security Official, may open it: for her it is a link.
    await clinic.browser.clearCookies();
    const officer = await clinic.browser.newPage();
    await officer.goto(`${clinic.app.url}/sign-in`);
    await officer.getByLabel(/^Email/).fill('priya@riverside-clinic.example');
    await officer.getByLabel(/^Password/).fill(clinic.password);
    await officer.getByRole('button', { name: 'Sign in' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await officer.goto(`${clinic.app.url}/tasks?scope=all`);
    await officer
      .getByRole('button', { name: /Complete annual security awareness training/ })
      .click();
    await officer
      .getByRole('dialog')
      .getByRole('link', { name: '164.308(a)(5) Security awareness and training' })
      .waitFor();
    await officer.close();
  });
});
