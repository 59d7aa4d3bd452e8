import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestDatabaseKind } from '../support/database';
import { RESULTS, launchBrowser, screenshot, seriousA11yViolations } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const databases = (process.env.TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((s) => s.trim()) as TestDatabaseKind[];

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

async function pick(page: Page, field: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: field, exact: typeof field === 'string' }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

describe.each(databases)('risk analysis on %s', (kind) => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp(kind);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  it('from assets and flows to a rated risk, an approved assessment and its PDF', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    onTestFailed(async () => {
      await screenshot(page, `risk-failure-${kind}`);
    });
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Custos' }).waitFor();
    await page.getByLabel(/^Organization/).fill('Lakeside Physical Therapy');
    await page.getByLabel(/^Your name/).fill('Omar Haddad');
    await page.getByLabel(/^Email/).fill('omar@lakeside-pt.example');
    await page.getByLabel(/^Password/).fill('lakeside morning ripples 42');
    await page.getByLabel(/^Repeat the password/).fill('lakeside morning ripples 42');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // Issue 12: before an approved analysis, the next actions ask for one (checked again below).
    await page.getByRole('heading', { name: 'Next things to do' }).waitFor();
    await page.getByText('Complete your risk analysis').waitFor();

    // Assets: one by hand, two from a CSV after a refused file.
    await page.getByRole('link', { name: 'Assets' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Assets' }).waitFor();
    await page.getByRole('button', { name: 'Add asset' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Therapy EHR');
    await pick(page, 'ePHI role', 'Maintains');
    await page.getByRole('textbox', { name: 'Name' }).click();
    await page.getByRole('button', { name: 'Add asset' }).last().click();
    await page.getByRole('button', { name: /ASSET-1\s*Therapy EHR/ }).waitFor();

    const csv = (rows: string[]) =>
      ['kind,name,ephi_roles,encryption_in_transit', ...rows].join('\n');
    const bad = path.join(RESULTS, 'risk-import-bad.csv');
    const good = path.join(RESULTS, 'risk-import-good.csv');
    writeFileSync(
      bad,
      csv(['cloud_service,Claims clearinghouse,transmits,no', 'spaceship,Tablet,maintains,yes']),
    );
    writeFileSync(
      good,
      csv([
        'cloud_service,Claims clearinghouse,transmits,no',
        'mobile_device,Home-visit tablet,maintains,yes',
      ]),
    );
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByText(/Nothing will be imported: 1 problem/).waitFor();
    await page.getByRole('cell', { name: 'kind' }).waitFor();
    expect(await page.getByRole('button', { name: /^Import .*assets$/ }).isDisabled()).toBe(true);
    await page.locator('input[type="file"]').setInputFiles(good);
    await page.getByText('2 rows are ready to import.').waitFor();
    await page.getByRole('button', { name: 'Import 2 assets' }).click();
    await page.getByText('Imported 2 assets.').waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByRole('button', { name: /ASSET-3\s*Home-visit tablet/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, `risk-assets-${kind}`);

    // A flow of ePHI leaving the organization unencrypted stands out on the map.
    await page.getByRole('tab', { name: 'Data-flow map' }).click();
    // The flow form sits at the window's foot, where the From picker's list sometimes does not open
    // (a known problem, left open in issue 12's note): bring the form up as a person would scroll.
    await page
      .getByRole('textbox', { name: 'ePHI' })
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await pick(page, 'From', /ASSET-1\s*Therapy EHR/);
    await pick(page, 'To', /ASSET-2 Claims clearinghouse/);
    await page.getByRole('textbox', { name: 'ePHI' }).fill('Claims');
    await pick(page, 'Encrypted', 'Not encrypted');
    await page.getByRole('checkbox', { name: 'Leaves the organization' }).check();
    await page.getByRole('button', { name: 'Add flow' }).click();
    await page.getByText(/1 flow sends ePHI outside the organization unencrypted/).waitFor();
    await page.getByTestId('flow-map').getByText('ASSET-2 Claims clearinghouse').waitFor();
    const [image] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export image' }).click(),
    ]);
    const png = path.join(RESULTS, `risk-flow-map-export-${kind}.png`);
    await image.saveAs(png);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    await expectAccessible(page);
    await screenshot(page, `risk-flow-map-${kind}`);

    // Moving a box saves the layout for the organization: after a reload it is where it was left.
    const box = page.getByTestId('flow-map').locator('.react-flow__node', { hasText: 'ASSET-2' });
    // Where the box sits on the map, in the map's own units (positions are saved rounded).
    const placed = async () => {
      const transform = await box.evaluate((e) =>
        e instanceof HTMLElement ? e.style.transform : '',
      );
      return [...transform.matchAll(/-?[\d.]+/g)].map((m) => Math.round(Number(m[0])));
    };
    const start = await placed();
    const at = await box.boundingBox();
    if (!at) throw new Error('the ASSET-2 box is not on the map');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/data-flow-map/layout') && r.request().method() === 'PUT',
    );
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 140, at.y + at.height / 2 + 90, { steps: 10 });
    await page.mouse.up();
    expect((await saved).status()).toBe(200);
    const moved = await placed();
    expect(moved).not.toEqual(start);
    await page.reload();
    await page.getByRole('tab', { name: 'Data-flow map' }).click();
    await page.getByRole('button', { name: 'Automatic layout' }).waitFor();
    expect(await placed()).toEqual(moved);

    // A risk, rated: the level comes from SP 800-30 Table I-2 and lands on the heat map.
    await page.getByRole('link', { name: 'Risk register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page
      .getByRole('textbox', { name: 'Risk' })
      .fill('Claims sent to the clearinghouse unencrypted');
    await pick(page, 'Assets', /ASSET-2 Claims clearinghouse/);
    await page.getByRole('textbox', { name: 'Risk' }).click();
    await pick(page, 'Threat', 'Misdirected disclosure');
    await pick(page, 'Likelihood', 'High');
    await pick(page, 'Impact', 'Very High');
    await page.getByRole('button', { name: 'Add risk' }).last().click();
    await page.getByText(/The rationale is required/).waitFor();
    await page
      .getByRole('textbox', { name: /Why this rating/ })
      .fill('Plain FTP over the internet every night.');
    await page.getByRole('button', { name: 'Add risk' }).last().click();
    await page
      .getByRole('dialog')
      .getByText('RISK-1 Claims sent to the clearinghouse unencrypted')
      .waitFor();
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', {
        name: /1 open risk: likelihood High, impact Very High, level Very High/,
      })
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, `risk-register-heat-map-${kind}`);

    // Accepting the risk: the treatment alone is pending; the approver accepts it themselves.
    await page.getByRole('button', { name: /RISK-1\s*Claims sent/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('combobox', { name: 'Treatment', exact: true }).click();
    await page.getByRole('option', { name: 'Accept', exact: true }).click();
    await page.getByRole('button', { name: 'Save risk' }).click();
    await page.getByText('Acceptance pending approval').waitFor();
    const expires = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await drawer.getByLabel(/^Acceptance expires on/).fill(expires);
    await page.getByRole('button', { name: 'Accept risk' }).click();
    await page.getByText(/Accepted by Omar Haddad on .+ until .+\./).waitFor();
    await page.getByRole('button', { name: 'Withdraw acceptance' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, `risk-accepted-${kind}`);
    await page.keyboard.press('Escape');
    await page
      .getByText(/Accept until/)
      .first()
      .waitFor();

    // The assessment: draft, review, approval, then an immutable record with its PDF.
    await page.getByRole('link', { name: 'Risk assessments' }).click();
    await page.getByRole('button', { name: 'New assessment' }).click();
    // A form first: nothing is created until it is sent.
    await page.getByRole('dialog', { name: 'New risk assessment' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Starts on' }).inputValue()).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await expectAccessible(page);
    await screenshot(page, `risk-assessment-new-${kind}`);
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByRole('heading', { level: 1, name: /RA-1 Risk analysis/ }).waitFor();
    await page.getByText(/1 of \d+ pairs covered or judged negligible/).waitFor();
    // An open pair: judged negligible with a reason, it counts as covered.
    await page.getByRole('button', { name: /^\+ / }).first().click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page);
    await screenshot(page, `risk-pair-dialog-${kind}`);
    await page.getByText('Judge negligible', { exact: true }).first().click();
    await page.getByRole('textbox', { name: 'Reason' }).fill('Paper records only at this site.');
    await page.getByRole('button', { name: 'Judge negligible' }).click();
    await page.getByText(/2 of \d+ pairs covered or judged negligible/).waitFor();
    await page.getByRole('textbox', { name: 'Participant 1 name' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByRole('textbox', { name: 'Participant 1 name' }).fill('Omar Haddad');
    await page.getByRole('textbox', { name: 'Participant 1 role' }).fill('Security Official');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, `risk-assessment-draft-${kind}`);
    // Pairs are still open: submitting and approving need the acknowledgement.
    expect(await page.getByRole('button', { name: 'Submit for review' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /I submit it as it is/ }).check();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('checkbox', { name: /I approve it as it is/ }).check();
    await page
      .getByRole('textbox', { name: 'Approval note' })
      .fill('Reviewed with the clinic owner.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved: this record can no longer change').waitFor();
    // A record to read, not a disabled form: the frozen register and what was acknowledged.
    await page.getByRole('heading', { name: 'Register as approved' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Scope' }).count()).toBe(0);
    await page.getByText(/Incomplete at approval, acknowledged by Omar Haddad/).waitFor();
    const sha = (await page.getByText(/^[0-9a-f]{64}$/).textContent()) ?? '';
    await expectAccessible(page);
    await screenshot(page, `risk-assessment-approved-${kind}`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download report (PDF)' }).click(),
    ]);
    const file = path.join(RESULTS, `risk-report-${kind}.pdf`);
    await download.saveAs(file);
    const pdf = readFileSync(file);
    expect(download.suggestedFilename()).toBe('custos-risk-analysis-RA-1.pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha);

    // Issue 12: the approval is the record of 164.308(a)(1)(ii)(A), and every view reads it.
    await page.goto(`${app.url}/safeguards/${encodeURIComponent('164.308(a)(1)(ii)(A)')}`);
    await page.getByText('Implemented', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: /RA-1/ }).first().waitFor();
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Next things to do' }).waitFor();
    expect(await page.getByText('Complete your risk analysis').count()).toBe(0);
    await page.goto(`${app.url}/readiness`);
    for (const title of [
      'Technology asset inventory and network map',
      'A more specific written risk analysis',
    ]) {
      const card = page
        .locator('.mantine-Card-root')
        .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      await card.getByText('Met', { exact: true }).waitFor();
    }
    // The reminder the approval raised has an owner, and can be rescheduled.
    await page.goto(`${app.url}/tasks?scope=all`);
    await page.getByRole('button', { name: /Update the risk analysis \(RA-1/ }).click();
    const taskDrawer = page.getByRole('dialog');
    await taskDrawer.getByText(/Owner: Omar Haddad/).waitFor();
    await taskDrawer.getByRole('button', { name: 'Edit task' }).click();
    const form = taskDrawer.getByRole('form', { name: /^Edit TASK-/ });
    await form.getByLabel('Due', { exact: true }).fill('2027-06-30');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await taskDrawer.getByText('Owner: Omar Haddad · Due 30 Jun 2027').waitFor();
    await screenshot(page, `risk-reminder-edit-${kind}`);
  });
});
