import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

// Issue 13: Administration → Webhooks, the demo clinic's endpoint and its deliveries.
describe.each(e2eDatabases)('webhooks on %s', (kind) => {
  const clinic = demoClinic(kind, process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);

  it('shows the endpoints and deliveries, adds one with its secret shown once, refuses a local one', async () => {
    const page = await clinic.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await signIn(page, clinic.app.url, 'marcus@riverside-clinic.example', clinic.password);

    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    for (const state of ['Retrying', 'Delivered', 'Failed']) {
      await deliveries.getByText(state, { exact: true }).first().waitFor();
    }
    await deliveries.getByText('13 attempts, last: The receiver refused the connection.').waitFor();
    for (const width of [1440, 390]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.locator(`html[data-mantine-color-scheme="${colorScheme}"]`).waitFor();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectAccessible(page);
        // Removing reads as a danger in both schemes: its text is red, not a pale grey-pink.
        const [red, green] = await page
          .getByRole('button', { name: 'Remove' })
          .first()
          .evaluate((button) => getComputedStyle(button).color.match(/\d+/g)?.map(Number) ?? []);
        expect((red ?? 0) - (green ?? 0)).toBeGreaterThan(90);
        await screenshot(page, `webhooks-${kind}-${width}-${colorScheme}`);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
    // A new endpoint starts with no event chosen: none is ticked for the person.
    await dialog.getByLabel('Risk accepted').waitFor();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await dialog.getByLabel(/^Address/).fill('https://127.0.0.1/hook');
    await dialog.getByLabel('Risk accepted').check();
    await expectAccessible(page);
    await screenshot(page, `webhooks-${kind}-add`);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog
      .getByText(
        'The address resolves to 127.0.0.1, a loopback address, which webhooks may not reach.',
      )
      .waitFor();
    await dialog.getByLabel(/^Address/).fill('https://198.51.100.20/hook');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.getByRole('dialog', { name: 'Signing secret' });
    await secret.getByText(/^whsec_/).waitFor();
    await expectAccessible(page);
    await screenshot(page, `webhooks-${kind}-secret`);
    await secret.getByRole('button', { name: 'Done' }).click();
    await page.getByText('https://198.51.100.20/hook', { exact: true }).waitFor();

    // A test send to the demo endpoint is queued and shows in its log, then, without a reload,
    // how the receiver answered (no longer queued).
    const log = page.getByRole('region', { name: 'Deliveries' });
    const tests = () => log.getByText('Test event', { exact: true }).count();
    const queued = () => log.getByText('Queued', { exact: true }).count();
    const before = [(await tests()) + 1, await queued()];
    await page.getByRole('button', { name: 'Send test event' }).first().click();
    await page.getByText('Test event queued').waitFor();
    await expect
      .poll(async () => [await tests(), await queued()], { timeout: 15_000 })
      .toEqual(before);
    // The refused address answered 400, as it should; nothing else failed.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });
});
