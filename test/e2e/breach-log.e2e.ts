import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

/** Screenshots at 1440 and 390 px, light and dark, each page axe-clean and without overflow. */
async function look(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      expect(await horizontalOverflow(page), `${name} at ${width} px`).toBe(0);
      await page.mouse.move(0, 0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${name}-${width}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

// Issue 16 parts 5–7: the demo's breaches on the dashboard, the yearly log of the misdirected fax
// and its submission to HHS recorded.
describe.each(e2eDatabases)('the yearly breach log on %s', (kind) => {
  const clinic = demoClinic(kind, Number(process.env.E2E_PORT ?? 4730));

  it('shows the ransomware’s deadline and the fax on the yearly log, and records the submission', async () => {
    const priya = await clinic.browser.newPage();
    await signIn(priya, clinic.app.url, 'priya@riverside-clinic.example', clinic.password);
    const card = priya.getByRole('heading', { name: 'Breach deadlines' });
    await card.waitFor();
    await priya
      .getByText(/Ransomware on the file server/)
      .first()
      .waitFor();
    await priya.getByText(/Mean time to contain/).waitFor();
    await look(priya, `breach-dashboard-${kind}`);

    await priya.goto(`${clinic.app.url}/incidents`);
    await priya.getByRole('link', { name: 'Yearly breach log' }).click();
    await priya.getByText('Lab results faxed to a wrong number').waitFor();
    await look(priya, `breach-log-${kind}`);
    await priya.getByRole('button', { name: 'Record the submission to HHS' }).click();
    await priya.getByLabel('Note').fill('Confirmation 12345');
    await priya.getByRole('button', { name: 'Record', exact: true }).click();
    await priya.getByText(/Submitted to HHS on/).waitFor();
    await look(priya, `breach-log-submitted-${kind}`);
  });
});
