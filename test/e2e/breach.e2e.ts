import { mkdirSync, writeFileSync } from 'node:fs';
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

// Issue 16's final browser test, parts 3 and 5 so far: a workforce member reports a lost laptop;
// the Security Official triages it and records the breach determination; the Privacy Official
// approves it (four eyes); the deadlines show with the days left; the review closes it.
describe.each(e2eDatabases)('breach determination on %s', (kind) => {
  const clinic = demoClinic(kind, Number(process.env.E2E_PORT ?? 4720));

  it('a lost, unencrypted laptop: reported, determined a breach, approved by another official, deadlines shown, closed', async () => {
    const errors: string[] = [];
    const watch = (page: Page) =>
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
    const sam = await clinic.browser.newPage();
    watch(sam);
    await signIn(sam, clinic.app.url, 'sam@riverside-clinic.example', clinic.password);
    await sam.getByRole('link', { name: 'Report a problem' }).first().click();
    await sam.getByLabel(/^What went wrong/).fill('Lost my work laptop');
    await sam.getByLabel(/^What happened/).fill('Left it on the 7:40 bus this morning.');
    await sam.getByRole('button', { name: 'Send the report' }).click();
    const thanks = sam.getByText(/^Thank you: INC-\d{4}-\d{3} is sent$/);
    await thanks.waitFor();
    const reference = ((await thanks.textContent()) ?? '').split(' ')[2] ?? '';
    await sam.close();

    await clinic.browser.clearCookies();
    const priya = await clinic.browser.newPage();
    watch(priya);
    await signIn(priya, clinic.app.url, 'priya@riverside-clinic.example', clinic.password);
    await priya.goto(`${clinic.app.url}/incidents`);
    await priya.getByRole('link', { name: `${reference} Lost my work laptop` }).click();
    await priya
      .getByRole('heading', { level: 1, name: `${reference} Lost my work laptop` })
      .waitFor();
    await priya.getByRole('button', { name: 'Change', exact: true }).click();
    const dialog = priya.getByRole('dialog');
    await dialog.getByLabel('Category').click();
    await priya.getByRole('option', { name: 'Lost or stolen device' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await priya.getByRole('button', { name: 'Start triage' }).click();
    await priya.getByText('Status: Reported → In triage.').waitFor();

    // The determination: not secured, no exclusion, four factors, not low probability.
    await priya.getByRole('button', { name: 'Record the breach determination' }).click();
    const yes = (question: RegExp) =>
      priya.getByRole('radiogroup', { name: question }).getByLabel('Yes', { exact: true });
    const no = (question: RegExp) =>
      priya.getByRole('radiogroup', { name: question }).getByLabel('No', { exact: true });
    await yes(/^Was protected health information involved/).check();
    await yes(/^Was it unsecured/).check();
    await priya.getByLabel('Why it was not secured').fill('The laptop had no disk encryption.');
    await priya.getByLabel('No exclusion applies').check();
    const factors: [RegExp, string, string][] = [
      [/^Nature and extent/, 'High risk', 'Names, dates of birth and diagnoses of 12 patients.'],
      [/^The unauthorized person/, 'High risk', 'Unknown: found on a public bus.'],
      [/^Whether the PHI was actually/, 'Medium risk', 'Not known whether it was opened.'],
      [/^The extent to which/, 'High risk', 'Not recovered; the account was locked remotely.'],
    ];
    for (const [label, rating, why] of factors) {
      await priya.getByRole('combobox', { name: label }).click();
      await priya.getByRole('option', { name: rating }).click();
      await priya.getByLabel(new RegExp(`^Rationale: ${label.source.slice(1)}`)).fill(why);
    }
    await no(/^Does the assessment demonstrate a low probability/).check();
    await priya.getByLabel(/^Why$/).fill('No factor lowers the probability of compromise.');
    await priya.getByLabel('Breach occurred on').fill(await today(priya));
    await priya.getByLabel('People affected in total').fill('12');
    await priya.getByRole('button', { name: 'Save the determination' }).click();
    await priya.getByText('A breach: notices are due').waitFor();

    // Four eyes: the one who recorded it does not approve while another official may.
    await priya.getByRole('button', { name: 'Approve the determination' }).click();
    await priya.getByText(/someone else approves it: .*Tom Alvarez/).waitFor();
    await priya.close();

    await clinic.browser.clearCookies();
    const tom = await clinic.browser.newPage();
    watch(tom);
    await signIn(tom, clinic.app.url, 'tom@riverside-clinic.example', clinic.password);
    await tom.goto(`${clinic.app.url}/incidents`);
    await tom.getByRole('link', { name: `${reference} Lost my work laptop` }).click();
    await tom.getByRole('button', { name: 'Approve the determination' }).click();
    await tom.getByText(/^Approved by Tom Alvarez/).waitFor();
    await tom.getByText('Notice to each person affected').waitFor();
    await tom.getByText('60 days left').first().waitFor();
    await tom.getByText('Letter to the people affected').waitFor();
    await tom.getByRole('button', { name: 'Edit the letter' }).click();
    const letter = tom.getByLabel('The letter');
    const text = await letter.inputValue();
    expect(text).toContain('## What information was involved');
    await letter.fill(text.replace('[toll free number]', '1-800-555-0134'));
    await tom.getByRole('button', { name: 'Save the letter' }).click();
    await tom.getByText(/^Edited by Tom Alvarez/).waitFor();
    const href = await tom.getByRole('link', { name: 'Letter as PDF' }).getAttribute('href');
    const pdf = await tom.request.get(`${clinic.app.url}${href ?? ''}`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    mkdirSync('test-results/e2e', { recursive: true });
    writeFileSync(`test-results/e2e/breach-letter-${kind}.pdf`, bytes);
    await look(tom, `breach-determination-${kind}`);

    // The notices actually sent (164.404, to be checked): the letters, by first-class mail, to all 12.
    await tom.getByRole('combobox', { name: 'Notice sent' }).click();
    await tom.getByRole('option', { name: 'Individuals: first-class mail' }).click();
    await tom.getByLabel('People it reached').fill('12');
    await tom.getByLabel('How, outlet or recipient').fill('Letters by first-class mail');
    await tom.getByRole('button', { name: 'Record the notice' }).click();
    await tom.getByText(/is done\.$/).waitFor();
    await tom
      .getByText(/^Sent on .*, to 12 people/)
      .first()
      .waitFor();
    await look(tom, `breach-notices-${kind}`);
    await tom.close();

    await clinic.browser.clearCookies();
    const closer = await clinic.browser.newPage();
    watch(closer);
    await signIn(closer, clinic.app.url, 'priya@riverside-clinic.example', clinic.password);
    await closer.goto(`${clinic.app.url}/incidents`);
    await closer.getByRole('link', { name: `${reference} Lost my work laptop` }).click();
    await closer
      .getByText('Breach determination (version 1) approved: A breach: notices are due.')
      .waitFor();
    await closer.getByRole('button', { name: 'Mark contained' }).click();
    await closer.getByRole('button', { name: 'Mark recovered' }).click();
    await closer.getByText('Status: Contained → Recovered.').waitFor();
    await closer.getByRole('button', { name: 'Record the review' }).click();
    await closer
      .getByLabel(/^Root cause/)
      .fill('An unencrypted laptop carried on public transport.');
    await closer.getByLabel(/^Lessons learned/).fill('Encrypt every laptop.');
    await closer.getByRole('button', { name: 'Save the review' }).click();
    await closer.getByRole('button', { name: 'Close', exact: true }).click();
    await closer.getByText('Status: Recovered → Closed.').waitFor();
    await closer.close();
    // The refusal asked for on purpose: approving one's own determination.
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
  });
});

/** Today in the clinic's zone, as the date field takes it. */
async function today(page: Page): Promise<string> {
  return page.evaluate(() =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Chicago',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date()),
  );
}
