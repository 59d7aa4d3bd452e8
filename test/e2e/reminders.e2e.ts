import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

/** Looks at the page at 1440 and 390 px, light and dark: no sideways scroll, axe clean. */
async function lookAt(page: Page, name: string) {
  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.locator(`html[data-mantine-color-scheme="${colorScheme}"]`).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.mouse.move(0, 0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${name}-${width}-${colorScheme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

// Issue 15's browser journey for security reminders (164.308(a)(5)(ii)(A)) and the sanctions
// dialog's retraining (164.308(a)(1)(ii)(C) with (a)(5)).
describe.each(e2eDatabases)('security reminders on %s', (kind) => {
  const clinic = demoClinic(kind, process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);

  it('sends a reminder to a department today, logs how each person was reached, and shows it in My reminders', async () => {
    const { url } = clinic.app;
    const priya = await clinic.browser.newPage();
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);
    await priya
      .getByRole('link', { name: /^Security reminders/ })
      .first()
      .click();
    await priya.getByRole('heading', { level: 1, name: 'Security reminders' }).waitFor();
    await lookAt(priya, `security-reminders-${kind}`);

    await priya.getByRole('button', { name: 'Schedule a reminder' }).click();
    const dialog = priya.getByRole('dialog', { name: 'Schedule a security reminder' });
    await dialog.getByLabel(/^Title/).fill('Wear your badge at the front desk');
    await dialog
      .getByLabel(/^Message/)
      .fill('Visitors ask staff without a badge who they are: keep it visible.');
    await dialog.getByLabel(/^How often/).click();
    await priya.getByRole('option', { name: 'Once' }).click();
    // Only the department: the roles chosen by default are taken off.
    await dialog.getByLabel(/^Everyone whose account has these roles/).press('Backspace');
    await dialog.getByLabel(/^Departments/).click();
    await priya.getByRole('option', { name: 'Front desk' }).click();
    await dialog.getByLabel(/^Departments/).press('Escape');
    await lookAt(priya, `security-reminders-schedule-${kind}`);
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Starting today, it is sent at once: the log names each person and how they were reached.
    const sending = priya
      .getByTestId('sending')
      .filter({ hasText: 'Wear your badge at the front desk' });
    await sending.waitFor();
    await sending.getByText('Sam Ortiz: In Custos and by email').waitFor();
    await sending
      .getByText('Nina Castillo: Email to their roster address (no Custos account)')
      .waitFor();
    expect(await sending.getByText(/Priya/).count()).toBe(0);
    await lookAt(priya, `security-reminders-sent-${kind}`);
    await priya.close();

    const sam = await clinic.browser.newPage();
    await signIn(sam, url, 'sam@riverside-clinic.example', clinic.password);
    await sam
      .getByRole('link', { name: /^My reminders/ })
      .first()
      .click();
    await sam.getByRole('heading', { level: 1, name: 'My security reminders' }).waitFor();
    await sam
      .getByRole('heading', { level: 2, name: 'Wear your badge at the front desk' })
      .waitFor();
    await sam
      .getByText('Visitors ask staff without a badge who they are: keep it visible.')
      .waitFor();
    // The organization's schedule is not offered to a workforce member.
    expect(await sam.getByRole('link', { name: /^Security reminders/ }).count()).toBe(0);
    await lookAt(sam, `my-reminders-${kind}`);
    await sam.close();
  }, 300_000);

  it('records a sanction of retraining with a course picked, and the person has it to take', async () => {
    const { url } = clinic.app;
    const priya = await clinic.browser.newPage();
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);
    await priya.goto(`${url}/sanctions`);
    await priya.getByRole('heading', { level: 1, name: 'Sanctions' }).waitFor();
    await priya.getByRole('button', { name: 'Record a sanction' }).click();
    const dialog = priya.getByRole('dialog', { name: 'Record a sanction' });
    // The person is searched for on the server.
    await dialog.getByLabel(/^Person/).fill('Sam');
    await priya.getByRole('option', { name: 'Sam Ortiz' }).click();
    await dialog.getByText('Prior records').waitFor();
    await dialog.getByLabel(/^Violation/).fill('Left a workstation unlocked at the front desk.');
    await dialog.getByLabel(/^Decision/).click();
    await priya.getByRole('option', { name: 'Retraining', exact: true }).click();
    const today = await priya.evaluate(() => new Date().toISOString().slice(0, 10));
    const due = await priya.evaluate(() =>
      new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    );
    await dialog.getByLabel(/^Decided on/).fill(today);
    await dialog.getByLabel(/^Retraining course/).click();
    await priya.getByRole('option', { name: 'Devices and media' }).click();
    await dialog.getByLabel(/^Retraining due/).fill(due);
    await lookAt(priya, `sanction-retraining-${kind}`);
    await dialog.getByRole('button', { name: 'Record sanction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await priya.close();

    const sam = await clinic.browser.newPage();
    await signIn(sam, url, 'sam@riverside-clinic.example', clinic.password);
    await sam.goto(`${url}/my-training`);
    await sam.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    await sam.getByRole('link', { name: 'Devices and media' }).first().waitFor();
    await sam.close();
  }, 300_000);
});
