import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Records a sanction for `person` through the form, with the tier it suggests; returns SAN-n. */
async function record(page: Page, url: string, person: string, suggested: string) {
  await page.goto(`${url}/sanctions`);
  await page.getByRole('button', { name: 'Record a sanction' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a sanction' });
  await dialog.getByLabel('Person').fill(person);
  await page.getByRole('option', { name: person }).click();
  await dialog.getByText(`Progressive discipline suggests: ${suggested}`).waitFor();
  await dialog.getByLabel('Violation').fill('Shared a password with a coworker.');
  await dialog.getByLabel('Decided on').fill('2026-11-02');
  return dialog;
}

// Issue 15 part 5: a sanction recorded with the person's prior records and the suggested tier,
// acknowledged by the person in Custos, signed off for HR by another official.
describe.each(e2eDatabases)('sanctions on %s', (kind) => {
  const clinic = demoClinic(kind);

  it('records a sanction for a person with a prior record; they acknowledge it; HR signs it off', async () => {
    const page = await clinic.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = clinic.app.url;
    await signIn(page, url, 'priya@riverside-clinic.example', clinic.password);
    // A first record for Sam (none before: Coaching), then a second one: Retraining suggested.
    let dialog = await record(page, url, 'Sam Ortiz', 'Coaching');
    await dialog.getByRole('button', { name: 'Record sanction' }).click();
    await page.getByRole('heading', { level: 1, name: /Sam Ortiz/ }).waitFor();
    dialog = await record(page, url, 'Sam Ortiz', 'Retraining');
    await dialog.getByText(/Coaching · Shared a password/).waitFor();
    await expectAccessible(page);
    await screenshot(page, `sanctions-record-${kind}`);
    await dialog.getByRole('button', { name: 'Record sanction' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /SAN-\d+ · Sam Ortiz/ });
    await heading.waitFor();
    const reference = ((await heading.textContent()) ?? '').split(' ')[0] ?? '';
    const recordUrl = page.url();
    await page.getByText('Awaiting Sam Ortiz: they acknowledge it themselves').waitFor();
    // Priya decided it: she is not offered the HR sign-off.
    expect(await page.getByRole('button', { name: /Sign off/ }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, `sanctions-record-page-${kind}`);

    // Sam acknowledges his own, from his dashboard.
    await clinic.browser.clearCookies();
    await signIn(page, url, 'sam@riverside-clinic.example', clinic.password);
    await page
      .getByRole('link', { name: /Acknowledge/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sanctions to acknowledge' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Acknowledge ${reference}` }).click();
    await page.getByText('You acknowledged it on').first().waitFor();

    // Tom, the Privacy Official, signs it off for HR.
    await clinic.browser.clearCookies();
    await signIn(page, url, 'tom@riverside-clinic.example', clinic.password);
    await page.goto(recordUrl);
    await page.getByText(/in Custos, by the person/).waitFor();
    await page.getByRole('button', { name: `Sign off ${reference} for HR` }).click();
    await page.getByText('Signed off by Tom Alvarez').waitFor();
    await expectAccessible(page);
    await screenshot(page, `sanctions-signed-${kind}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByText('Signed off by Tom Alvarez').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `sanctions-signed-390-${kind}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
