import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadTrainingModules } from '../../src/server/features/training/content';
import { RESULTS, screenshot, seriousA11yViolations } from './support/browser';
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

const overallOf = async (page: Page) =>
  (await page.getByTestId('training-overall').textContent()) ?? '';

// Issue 15's browser journey for training: yearly training assigned to a department; a workforce
// member reads the course, fails the quiz once, passes the next draw and downloads the
// certificate; the Security Official sees the completion rate change.
describe.each(e2eDatabases)('training on %s', (kind) => {
  const clinic = demoClinic(kind, process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);

  it('assigns a course, fails and passes its quiz, and issues the certificate', async () => {
    const { url } = clinic.app;
    const priya = await clinic.browser.newPage();
    await signIn(priya, url, 'priya@riverside-clinic.example', clinic.password);
    await priya
      .getByRole('link', { name: /^Training/ })
      .first()
      .click();
    await priya.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await priya.getByTestId('training-overall').waitFor();
    const before = await overallOf(priya);
    await lookAt(priya, `training-${kind}`);

    await priya.getByRole('button', { name: 'Assign training' }).click();
    const dialog = priya.getByRole('dialog', { name: 'Assign training' });
    await dialog.getByLabel(/^Course/).click();
    await priya.getByRole('option', { name: 'Malicious software' }).click();
    await dialog.getByLabel(/^Departments/).click();
    await priya.getByRole('option', { name: 'Front desk' }).click();
    await dialog.getByLabel(/^Departments/).press('Escape');
    await lookAt(priya, `training-assign-${kind}`);
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await priya.locator('label', { hasText: /^Assignments$/ }).click();
    await priya.getByRole('cell', { name: 'Malicious software' }).first().waitFor();
    await priya.getByText('Every year, within 30 days').first().waitFor();
    const assigned = await overallOf(priya);
    expect(assigned).not.toBe(before);
    await priya.close();

    // Sam (workforce, front desk) takes the course.
    const sam = await clinic.browser.newPage();
    await signIn(sam, url, 'sam@riverside-clinic.example', clinic.password);
    await sam
      .getByRole('link', { name: /^My training/ })
      .first()
      .click();
    await sam.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    await lookAt(sam, `my-training-${kind}`);
    // Nothing else of training is offered to a workforce member.
    expect(await sam.getByRole('link', { name: 'Training', exact: true }).count()).toBe(0);
    await sam.getByRole('link', { name: 'Malicious software' }).first().click();
    await sam.getByRole('heading', { level: 1, name: 'Malicious software' }).waitFor();
    await lookAt(sam, `my-course-page-${kind}`);
    for (;;) {
      const next = sam.getByRole('button', { name: 'Next' });
      if ((await next.count()) === 0) break;
      await next.click();
    }
    await sam.getByRole('button', { name: 'Go to the quiz' }).click();
    await sam.getByRole('button', { name: 'Start the quiz' }).click();
    await sam.getByRole('button', { name: 'Submit my answers' }).waitFor();
    await lookAt(sam, `my-quiz-${kind}`);
    // Submitted with nothing answered: not passed, explanations shown.
    await sam.getByRole('button', { name: 'Submit my answers' }).click();
    await sam.getByText('Not passed yet').waitFor();
    await lookAt(sam, `my-quiz-failed-${kind}`);

    // A new draw, answered right (the test reads the bank; the browser never received it).
    await sam.getByRole('button', { name: 'Take the quiz again' }).click();
    await sam.getByRole('button', { name: 'Submit my answers' }).waitFor();
    const module = loadTrainingModules().find((m) => m.id === 'malicious-software');
    if (!module) throw new Error('no module');
    for (const question of module.questions) {
      const card = sam.locator('.mantine-Card-root', { hasText: question.prompt });
      if ((await card.count()) === 0) continue;
      for (const option of question.options.filter((o) => o.correct)) {
        await card.getByLabel(option.text, { exact: true }).check();
      }
    }
    await sam.getByRole('button', { name: 'Submit my answers' }).click();
    await sam.getByText('Passed', { exact: true }).waitFor();
    await lookAt(sam, `my-quiz-passed-${kind}`);
    const [download] = await Promise.all([
      sam.waitForEvent('download'),
      sam.getByRole('link', { name: 'Download my certificate' }).click(),
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'custos-e2e-'));
    const saved = path.join(dir, 'certificate.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    // The certificate as a person sees it, kept beside the screenshots.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      saved,
      path.join(RESULTS, `certificate-${kind}`),
    ]);
    await sam.close();

    // The Security Official sees the rate change.
    const again = await clinic.browser.newPage();
    await signIn(again, url, 'priya@riverside-clinic.example', clinic.password);
    await again.goto(`${url}/training`);
    await again.getByTestId('training-overall').waitFor();
    await expect.poll(() => overallOf(again)).not.toBe(assigned);
    await again.locator('label', { hasText: /^By department$/ }).click();
    await again.getByRole('cell', { name: 'Front desk' }).waitFor();
    await lookAt(again, `training-after-${kind}`);
    await again.goto(`${url}/`);
    await again.getByTestId('dashboard-training-rate').waitFor();
  }, 300_000);
});
