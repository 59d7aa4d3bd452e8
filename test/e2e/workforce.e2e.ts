import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

async function lookAt(page: Page, name: string) {
  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.locator(`html[data-mantine-color-scheme="${colorScheme}"]`).waitFor();
      await page.mouse.move(0, 0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${name}-${width}-${colorScheme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Issue 15 parts 2 and 5: ending a person's employment raises the termination tasks with their
// deadline; a sanction is recorded by the Security Official and signed off for HR by the Privacy
// Official; an auditor has no Sanctions link and the address answers as if there were none.
describe.each(e2eDatabases)('workforce on %s', (kind) => {
  const clinic = demoClinic(kind, process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);

  it('ends an employment, records a sanction signed off by another member, hides sanctions from an auditor', async () => {
    const { url } = clinic.app;
    const priya = await clinic.browser.newPage();
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);
    // The demo's leaver has one termination task past its deadline: the dashboard says so.
    await priya.getByText('1 termination task is overdue').waitFor();

    await priya.goto(`${url}/people`);
    await priya.getByRole('link', { name: 'Liam Walsh' }).first().click();
    await priya.getByRole('heading', { level: 1, name: 'Liam Walsh' }).waitFor();
    await priya.getByRole('button', { name: "End Liam Walsh's employment" }).click();
    const dialog = priya.getByRole('dialog', { name: "End Liam Walsh's employment" });
    await dialog.getByLabel(/^Last day worked/).fill(inDays(2));
    await dialog.getByRole('button', { name: 'End employment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const tasks = priya.getByRole('region', { name: 'Termination tasks' });
    await tasks.getByText("Disable Liam Walsh's account on", { exact: false }).first().waitFor();
    await tasks.getByText("Collect Liam Walsh's devices, badge and keys").waitFor();
    await tasks.getByText(/Revoke Liam Walsh's remote access/).waitFor();
    // Each with its deadline: 24 hours after the end of the last day, said as the end of the
    // day after it (never "00:00" of the day after that).
    const [year, month, day] = inDays(3).split('-').map(Number);
    const dueDay = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
    const due = `End of ${dueDay.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    })}`;
    expect(await tasks.getByText(due, { exact: false }).count()).toBeGreaterThan(2);
    expect(await tasks.getByText('00:00', { exact: false }).count()).toBe(0);
    await lookAt(priya, `workforce-${kind}-termination`);

    // The deadline and the checklist templates have their page, with the proposed rule's 1 hour.
    await priya.getByRole('link', { name: 'Onboarding and termination' }).first().click();
    await priya.getByRole('heading', { level: 1, name: 'Onboarding and termination' }).waitFor();
    await priya.getByText('The proposed rule asks for 1 hour').waitFor();
    await priya.getByLabel(/^Hours after the last day/).fill('1');
    await priya.getByRole('button', { name: 'Save' }).click();
    await priya.getByText('Saved: termination tasks are due 1 hour after the last day').waitFor();
    await priya.getByRole('button', { name: 'Edit the termination checklist' }).click();
    await priya.getByRole('button', { name: 'Add an item' }).click();
    await priya.getByLabel(/^Item 4/).fill('Collect the pager');
    await lookAt(priya, `workforce-${kind}-checklist-settings`);
    await priya.getByRole('button', { name: 'Save 4 items' }).click();
    await priya.getByText('Collect the pager').waitFor();

    // The Security Official records a sanction; the form shows prior records and a suggestion.
    await priya.getByRole('link', { name: 'Sanctions' }).first().click();
    await priya.getByRole('heading', { level: 1, name: 'Sanctions' }).waitFor();
    await priya.getByRole('button', { name: 'Record a sanction' }).click();
    const form = priya.getByRole('dialog', { name: 'Record a sanction' });
    await form.getByLabel(/^Person/).fill('Kevin Tran');
    await priya.getByRole('option', { name: 'Kevin Tran' }).click();
    await form.getByText('Progressive discipline suggests:').waitFor();
    await form.getByText(/SAN-1 .* Coaching/).waitFor();
    await form
      .getByLabel(/^Violation/)
      .fill('Left the EHR signed in on a shared workstation again.');
    await form.getByLabel(/^Decided on/).fill(inDays(0));
    await form
      .getByLabel(/^Corrective action \(becomes a task\)/)
      .fill('Workstation lock refresher');
    await form.getByLabel(/^Corrective action due/).fill(inDays(14));
    expect(await form.getByLabel(/^Decision/).inputValue()).toBe('Retraining');
    await lookAt(priya, `workforce-${kind}-sanction-form`);
    await form.getByRole('button', { name: 'Record sanction' }).click();
    await form.waitFor({ state: 'detached' });
    // The new record opens, waiting for the HR sign-off by someone other than who decided.
    await priya.getByRole('heading', { level: 1, name: /^SAN-2 · Kevin Tran/ }).waitFor();
    await priya.getByText(/^Not signed off yet\./).waitFor();
    const recordUrl = priya.url();

    // HR sign-off by another member, as themselves.
    const tom = await clinic.browser.newPage();
    await signIn(tom, url, 'tom@riverside-clinic.example', clinic.password);
    await tom.goto(recordUrl);
    await tom.getByRole('button', { name: 'Sign off SAN-2 for HR' }).click();
    await tom.getByText('Signed off by Tom Alvarez').waitFor();
    await lookAt(tom, `workforce-${kind}-sanctions`);

    // An auditor: no Sanctions link, and the address answers 404 as if nothing were there.
    const helen = await clinic.browser.newPage();
    await signIn(helen, url, 'helen@brooks-audit.example', clinic.password);
    expect(await helen.getByRole('link', { name: 'Sanctions' }).count()).toBe(0);
    const answered = helen.waitForResponse((r) => /\/api\/orgs\/[^/]+\/sanctions/.test(r.url()));
    await helen.goto(`${url}/sanctions`);
    expect((await answered).status()).toBe(404);
    await helen.getByText('Not found').first().waitFor();
    expect(await seriousA11yViolations(helen)).toEqual([]);
    await screenshot(helen, `workforce-${kind}-auditor-sanctions`);
  });
});
