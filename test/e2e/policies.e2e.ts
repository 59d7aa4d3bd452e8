import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser';
import { demoClinic, e2eDatabases, horizontalOverflow, signIn } from './support/demo';

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Looks at the page at 1440 and 390 px, light and dark: no sideways scroll, axe clean. */
async function lookAt(page: Page, name: string) {
  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.locator(`html[data-mantine-color-scheme="${colorScheme}"]`).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, `${name}-${width}-${colorScheme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

// Issue 14's browser journey: a policy from a template, edited, approved by someone else, put in
// effect and published to the workforce; a workforce member acknowledges it in My policies; the
// safeguard it addresses shows it; evidence uploaded and downloaded intact.
describe.each(e2eDatabases)('policies and evidence on %s', (kind) => {
  const clinic = demoClinic(kind, process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);

  it('takes a template to an acknowledged policy, and keeps evidence', async () => {
    const { url } = clinic.app;
    const priya = await clinic.browser.newPage();
    const errors: string[] = [];
    priya.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);

    // The Security Official starts the access control policy from its template and edits it.
    await priya.goto(`${url}/documents`);
    await priya.getByRole('heading', { level: 1, name: 'Policies' }).waitFor();
    await priya.getByPlaceholder('Choose a template').click();
    await priya.getByRole('option', { name: /^Access control/ }).click();
    await priya.getByRole('button', { name: 'Create draft' }).first().click();
    await priya
      .getByRole('heading', { level: 1, name: /Access control/ })
      .first()
      .waitFor();
    const editor = priya.getByLabel('Text (Markdown)');
    // Each of the template's choices made (its first suggestion): none may stay for approval.
    const chosen = (await editor.inputValue()).replace(
      /\[choose:([^[\]]*)\]/g,
      (_mark, inner: string) => (inner.split(' / ')[0] ?? '').replace(/\s+/g, ' ').trim(),
    );
    await editor.fill(`${chosen}\n\nReviewed with the front desk team.\n`);
    await priya.getByRole('button', { name: 'Save', exact: true }).click();
    await priya.getByRole('button', { name: 'Submit for approval' }).click();
    await priya.getByText('In review').first().waitFor();
    // Four eyes (164.316(a)): the submitter is not offered Approve, and reads who may approve.
    await priya.getByText(/may approve it: someone other than who submitted it approves/).waitFor();
    expect(await priya.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    const policyUrl = priya.url();
    await lookAt(priya, `policy-${kind}-in-review`);

    // The owner approves (four eyes), puts it in effect and asks the workforce to acknowledge it.
    const dana = await clinic.browser.newPage();
    await signIn(dana, url, 'dana@riverside-clinic.example', clinic.password);
    await dana.goto(policyUrl);
    await dana.getByRole('button', { name: 'Approve' }).click();
    // An approval cannot be taken back: the page asks first and says so.
    const approving = dana.getByRole('dialog', { name: 'Approve version 1?' });
    await approving.getByText(/cannot change, and you are recorded as its approver/).waitFor();
    await approving.getByRole('button', { name: 'Approve' }).click();
    // Approved but not yet in effect leads the page, with the action.
    await dana.getByText('Version 1 is approved but not in effect').waitFor();
    await lookAt(dana, `policy-${kind}-approved`);
    // Put in effect today or on an earlier day since the approval; the server's refusal shows.
    await dana.getByRole('button', { name: 'Put in effect…' }).click();
    const effect = dana.getByRole('dialog', { name: 'Put version 1 in effect?' });
    const from = effect.getByLabel('In effect from');
    const today = await from.inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await from.fill('2099-01-01');
    await effect.getByRole('button', { name: 'Put in effect', exact: true }).click();
    await effect.getByText(/must not be after today/).waitFor();
    await lookAt(dana, `policy-${kind}-put-in-effect`);
    await from.fill(today);
    await effect.getByRole('button', { name: 'Put in effect', exact: true }).click();
    await effect.waitFor({ state: 'hidden' });
    await dana.getByText('In effect').first().waitFor();
    // "Reviewed, no change" asks first; the page then says who reviewed it, when, and what next.
    await dana.getByText(/Last reviewed: not since version 1 took effect/).waitFor();
    await dana.getByRole('button', { name: 'Reviewed, no change' }).click();
    await dana
      .getByRole('dialog', { name: 'Record a review of version 1, no change?' })
      .getByRole('button', { name: 'Record the review' })
      .click();
    await dana.getByText(/Last reviewed by .+ on .+ \(version 1\)\. Next review on/).waitFor();
    await dana.getByRole('button', { name: 'Ask people to acknowledge it' }).click();
    const dialog = dana.getByRole('dialog', { name: 'Who must acknowledge this policy' });
    await dialog.getByRole('button', { name: 'Ask them to acknowledge' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await dana.getByText(/0 of \d+ people acknowledged version 1/).waitFor();
    await dana.close();

    // The workforce member reads it in My policies and acknowledges that version.
    const sam = await clinic.browser.newPage();
    await signIn(sam, url, 'sam@riverside-clinic.example', clinic.password);
    await sam
      .getByRole('link', { name: /^My policies/ })
      .first()
      .click();
    await sam.getByRole('heading', { level: 1, name: 'My policies' }).waitFor();
    await lookAt(sam, `my-policies-${kind}`);
    await sam.getByRole('link', { name: /Access control/ }).click();
    await sam.getByText('Reviewed with the front desk team.').waitFor();
    await sam.getByLabel('I have read this policy and I will follow it.').check();
    await sam.getByRole('button', { name: 'Acknowledge version 1' }).click();
    await sam.getByText(/You acknowledged this version on/).waitFor();
    await lookAt(sam, `my-policy-${kind}-acknowledged`);
    // Workforce members see nothing else of the documents area.
    expect(await sam.getByRole('link', { name: 'Policies', exact: true }).count()).toBe(0);
    await sam.close();

    // The safeguard it addresses shows it (the pages share one browser's cookie: sign in again).
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);
    await priya.goto(`${url}/safeguards/${encodeURIComponent('164.312(a)(1)')}`);
    await priya
      .getByText(/POL-[0-9]+ Access control/)
      .first()
      .waitFor();
    await priya.goto(policyUrl);
    await priya.getByText(/1 of \d+ people acknowledged version 1/).waitFor();

    // Evidence: a PDF uploaded, listed, downloaded byte for byte.
    const dir = mkdtempSync(path.join(tmpdir(), 'custos-e2e-'));
    const file = path.join(dir, 'screen-lock-report.pdf');
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n' + 'x'.repeat(2048),
      'latin1',
    );
    writeFileSync(file, pdf);
    await priya.goto(`${url}/evidence`);
    await priya.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await priya.locator('input[type="file"][aria-label="Evidence file"]').setInputFiles(file);
    // The upload opens the new item's page.
    await priya.getByRole('heading', { level: 1, name: /screen-lock-report/ }).waitFor();
    await priya.getByRole('link', { name: 'Download' }).first().waitFor();
    await lookAt(priya, `evidence-${kind}`);
    const [download] = await Promise.all([
      priya.waitForEvent('download'),
      priya.getByRole('link', { name: 'Download' }).first().click(),
    ]);
    const saved = path.join(dir, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(pdf)).toBe(true);
    expect(errors).toEqual([]);
    // The uploader may take a mistake back within a day; the page says until when.
    await priya.getByText(/Added by mistake\? You added it/).waitFor();
    await priya.getByRole('button', { name: 'Delete', exact: true }).waitFor();
    await lookAt(priya, `evidence-mistake-${kind}`);
    // Under a legal hold nothing may delete it: no Delete is offered, the hold is named instead.
    const itemId = new URL(priya.url()).pathname.split('/').at(-1) ?? '';
    const orgId = await priya.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { memberships: { orgId: string }[] };
      return me.memberships[0]?.orgId ?? '';
    });
    const placed = await priya.request.post(`${url}/api/orgs/${orgId}/legal-holds`, {
      headers: { 'x-custos-csrf': '1' },
      data: { recordType: 'evidence', recordId: itemId, reason: 'Litigation about screen locks' },
    });
    expect(placed.status()).toBe(201);
    await priya.reload();
    await priya.getByText(/Under legal hold LH-\d+/).waitFor();
    expect(await priya.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    // Someone else's evidence, inside its retention: no Delete, the date instead (164.316(b)(2)(i)).
    await priya.goto(`${url}/evidence`);
    await priya.getByRole('link', { name: /EV-2/ }).first().click();
    await priya.getByText(/It can be deleted after/).waitFor();
    expect(await priya.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await lookAt(priya, `evidence-kept-${kind}`);

    // A risk's evidence: listed, and a new file uploaded from the risk is linked to it at once.
    await priya.goto(`${url}/risks`);
    await priya.getByRole('button', { name: /Ransomware encrypts the file server/ }).click();
    const drawer = priya.getByRole('dialog');
    await drawer.getByText('Backup restore test, last quarter').waitFor();
    const report = path.join(dir, 'offsite-backup-report.pdf');
    writeFileSync(report, pdf);
    await drawer
      .locator('input[type="file"][aria-label="Evidence file to upload and link"]')
      .setInputFiles(report);
    await drawer.getByRole('link', { name: /offsite-backup-report\.pdf/ }).waitFor();
    await drawer.getByRole('heading', { name: 'Evidence', exact: true }).scrollIntoViewIfNeeded();
    await lookAt(priya, `risk-evidence-${kind}`);
    // An auditor reads the same evidence, with no control that would be refused.
    const helen = await clinic.browser.newPage();
    await signIn(helen, url, 'helen@brooks-audit.example', clinic.password);
    await helen.goto(`${url}/risks`);
    await helen.getByRole('button', { name: /Ransomware encrypts the file server/ }).click();
    await helen.getByRole('dialog').getByText('Backup restore test, last quarter').waitFor();
    expect(
      await helen.getByRole('button', { name: /Upload a file|Link evidence|Unlink/ }).count(),
    ).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);

  // The newcomer's blank policy: its details set on its page link it to a requirement, and the
  // safeguard's page shows it. Evidence is linked from its own page; deleting it asks nothing again.
  it('links a blank policy and an evidence item from their own pages', async () => {
    const { url } = clinic.app;
    const priya = await clinic.browser.newPage();
    const missing: string[] = [];
    priya.on('response', (r) => {
      if (r.status() === 404 && r.url().includes('/api/')) missing.push(r.url());
    });
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);
    await priya.goto(`${url}/documents`);
    await priya.getByRole('heading', { level: 1, name: 'Policies' }).waitFor();
    await priya.getByRole('textbox', { name: /^Title/ }).fill(`Sanctions ${kind}`);
    await priya.getByRole('button', { name: 'Create draft' }).last().click();
    await priya
      .getByRole('heading', { level: 1, name: new RegExp(`POL-\\d+ Sanctions ${kind}`) })
      .waitFor();
    await priya.getByText('none linked yet').waitFor();
    await priya.getByRole('button', { name: 'Edit details' }).click();
    const details = priya.getByRole('dialog', { name: 'Policy details' });
    await details.getByLabel('Category').fill('Administrative safeguards');
    await details.getByLabel('Requirements addressed').click();
    await details.getByLabel('Requirements addressed').fill('164.308(a)(1)(ii)(C)');
    await priya.getByRole('option', { name: /^164\.308\(a\)\(1\)\(ii\)\(C\) / }).click();
    await details.getByLabel('Category').click();
    await details.getByText('164.308(a)(1)(ii)(C) Sanction policy').waitFor();
    await lookAt(priya, `policy-details-${kind}`);
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.waitFor({ state: 'hidden' });
    await priya.getByRole('link', { name: '164.308(a)(1)(ii)(C)' }).waitFor();
    await priya.getByText(/Administrative safeguards · owner/).waitFor();
    await priya.goto(`${url}/safeguards/${encodeURIComponent('164.308(a)(1)(ii)(C)')}`);
    await priya
      .getByText(new RegExp(`POL-\\d+ Sanctions ${kind}`))
      .first()
      .waitFor();

    // Evidence linked from its own page, to a safeguard and to the policy.
    const dir = mkdtempSync(path.join(tmpdir(), 'custos-e2e-'));
    const file = path.join(dir, 'sanction-log.pdf');
    writeFileSync(file, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'));
    await priya.goto(`${url}/evidence`);
    await priya.locator('input[type="file"][aria-label="Evidence file"]').setInputFiles(file);
    await priya.getByRole('heading', { level: 1, name: /sanction-log/ }).waitFor();
    await priya.getByRole('link', { name: '← Evidence' }).waitFor();
    await priya.getByText('Not linked to any record yet.').waitFor();
    await priya.getByRole('combobox', { name: 'Safeguard' }).fill('164.308(a)(1)(ii)(C)');
    await priya.getByRole('option', { name: /^164\.308\(a\)\(1\)\(ii\)\(C\) / }).click();
    await priya.getByRole('button', { name: 'Link', exact: true }).click();
    await priya.getByRole('link', { name: /^Safeguard: 164\.308\(a\)\(1\)\(ii\)\(C\)/ }).waitFor();
    await priya.getByRole('combobox', { name: 'Link to a' }).click();
    await priya.getByRole('option', { name: 'Policy', exact: true }).click();
    await priya.getByRole('combobox', { name: 'Policy', exact: true }).fill(`Sanctions ${kind}`);
    await priya.getByRole('option', { name: new RegExp(`Sanctions ${kind}`) }).click();
    await priya.getByRole('button', { name: 'Link', exact: true }).click();
    await priya
      .getByRole('link', { name: new RegExp(`^Policy: POL-\\d+ Sanctions ${kind}`) })
      .waitFor();
    await lookAt(priya, `evidence-supports-${kind}`);
    // Taken back as a mistake: the list opens, and nothing asks for the deleted item again.
    await priya.getByRole('button', { name: 'Delete', exact: true }).click();
    await priya.getByRole('button', { name: 'Delete for good' }).click();
    await priya.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await priya.waitForLoadState('networkidle');
    expect(missing).toEqual([]);
    await priya.close();

    // A workforce member's menu has no Organization profile.
    const sam = await clinic.browser.newPage();
    await signIn(sam, url, 'sam@riverside-clinic.example', clinic.password);
    await sam
      .getByRole('link', { name: /^My policies/ })
      .first()
      .waitFor();
    expect(await sam.getByRole('link', { name: 'Organization profile' }).count()).toBe(0);
    await sam.close();
  }, 300_000);
});
