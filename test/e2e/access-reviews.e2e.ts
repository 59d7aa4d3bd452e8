import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS, screenshot, seriousA11yViolations } from './support/browser';
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

async function pick(page: Page, field: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Issue 15 part 6: a review of a system's accounts is started, its CSV export imported with a
// preview that flags the account of someone who left before the period and one that matches
// nobody; the reviewer decides each account and completes it; the report is a PDF.
describe.each(e2eDatabases)('access reviews on %s', (kind) => {
  const clinic = demoClinic(kind, process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);

  it('creates a review, imports a CSV with both flags, decides, completes and downloads the PDF', async () => {
    const { url } = clinic.app;
    const page = await clinic.browser.newPage();
    await signIn(page, url, 'priya@riverside-clinic.example', clinic.password);
    await page.getByRole('heading', { name: 'Access reviews' }).waitFor();

    await page.getByRole('link', { name: 'Access reviews' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Access reviews' }).waitFor();
    // The demo's completed review and its open one.
    await page.getByRole('link', { name: 'AR-1' }).waitFor();
    await page.getByRole('link', { name: 'AR-2' }).waitFor();
    await lookAt(page, `access-reviews-${kind}-list`);

    await page.getByRole('button', { name: 'New access review' }).click();
    const dialog = page.getByRole('dialog', { name: 'New access review' });
    await pick(page, 'System', /Fax server/);
    await dialog.getByLabel(/^Period from/).fill(inDays(-30));
    await dialog.getByLabel(/^Period to/).fill(inDays(-1));
    await dialog.getByLabel(/^Due/).fill(inDays(14));
    await dialog.getByRole('button', { name: 'Start the review' }).click();
    await page.getByRole('heading', { level: 1, name: /AR-3 Fax server/ }).waitFor();

    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `access-review-fax-${kind}.csv`);
    writeFileSync(
      file,
      [
        'Account,Person,Access level',
        'apatel,ana.patel@riverside-clinic.example,Sender',
        'ebrooks,Ellen Brooks,Sender',
        'faxtemp,Temp Agency,Administrator',
      ].join('\r\n'),
    );
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('Ready to import:').waitFor();
    const preview = page.getByRole('region', { name: 'Accounts in the file' });
    await preview.getByText('Left before the review period').waitFor();
    await preview.getByText('Matches nobody on the roster').waitFor();
    await page.getByRole('button', { name: 'Import 3 accounts' }).click();
    await page.getByText('3 accounts to review.').waitFor();

    const accounts = page.getByRole('region', { name: 'Accounts', exact: true });
    await accounts.getByText('Left before the review period').waitFor();
    await accounts.getByText('Matches nobody on the roster').waitFor();
    await lookAt(page, `access-reviews-${kind}-review`);

    const decide = async (account: string, decision: string, comment: string) => {
      await pick(page, `Decision for ${account}`, decision);
      if (comment) await page.getByLabel(`Comment for ${account}`).fill(comment);
      const saved = page.waitForResponse(
        (r) => r.url().includes('/decision') && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: `Save the decision for ${account}` }).click();
      expect((await saved).status()).toBe(200);
    };
    await decide('apatel', 'Keep', '');
    await decide('ebrooks', 'Revoke', 'Left before the period.');
    await decide('faxtemp', 'Revoke', 'Nobody knows this account.');
    await page.getByText('Every account is decided.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Complete AR-3' }).click();
    await page
      .getByRole('dialog', { name: 'Complete AR-3?' })
      .getByRole('button', { name: 'Complete AR-3' })
      .click();
    const download = page.getByRole('link', { name: 'Download the report (PDF)' });
    await download.waitFor();
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await lookAt(page, `access-reviews-${kind}-completed`);

    const [pdf] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const saved = path.join(RESULTS, `access-review-${kind}.pdf`);
    await pdf.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    // The grants of a person, on their page; the dashboard's card of open reviews.
    await page.getByRole('link', { name: 'Dr. Ana Patel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dr. Ana Patel' }).waitFor();
    const grants = page.getByRole('region', { name: 'Access to systems' });
    await grants.getByText('Hosted EHR (practice edition)').waitFor();
    await grants.getByText('Physician').waitFor();
    await lookAt(page, `access-reviews-${kind}-person-grants`);
    await page.goto(url);
    await page.getByRole('link', { name: '1 open review' }).waitFor();
  });
});
