import { Secret, TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../src/contracts/audit-actions';
import type { TestDatabaseKind } from '../support/database';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const databases = (process.env.TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((s) => s.trim()) as TestDatabaseKind[];
const OWNER = {
  name: 'Ruth Okafor',
  email: 'ruth@lakeside.example',
  password: 'lantern over the quiet bay 88',
};
const OFFICER = {
  name: 'Tomás Reyes',
  email: 'tomas@lakeside.example',
  password: 'granite river autumn sparrow',
};

const codeFor = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offset });

async function setUpOrganization(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Set up Custos' }).waitFor();
  await page.getByLabel(/^Organization/).fill('Lakeside Pediatrics');
  await page.getByLabel(/^Your name/).fill(OWNER.name);
  await page.getByLabel(/^Email/).fill(OWNER.email);
  await page.getByLabel(/^Password/).fill(OWNER.password);
  await page.getByLabel(/^Repeat the password/).fill(OWNER.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

describe.each(databases)('identity journey on %s', (kind) => {
  let app: RunningApp;
  let browser: BrowserContext;
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    app = await startApp(kind);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  it('sets up, enrols an authenticator app and receives recovery codes', async () => {
    const page = await browser.newPage();
    await setUpOrganization(page, app.url);
    await page.getByRole('button', { name: /Account of/ }).click();
    await page.getByRole('menuitem', { name: 'Profile and security' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `mfa-enrol-${kind}`);
    await page.getByLabel('Code from the app').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Save your recovery codes now').waitFor();
    recoveryCodes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await screenshot(page, `mfa-recovery-codes-${kind}`);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.close();
  });

  it('signs out, then signs in with the password and a code', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/profile`);
    await page.getByRole('button', { name: /Account of/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two-factor authentication' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `sign-in-code-${kind}`);
    await page.getByLabel(/^Authentication code/).fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText(/does not match/).waitFor();
    // The enrolment code's 30-second step is spent: use the next one.
    await page.getByLabel(/^Authentication code/).fill(codeFor(secret, 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Back where the user signed out from.
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.close();
  });

  it('turns two-factor authentication off only with a code', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('button', { name: 'Turn off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn off two-factor authentication' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByLabel(/^Code from the app/).fill('000000');
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await dialog.getByText(/does not match/).waitFor();
    await screenshot(page, `mfa-off-${kind}`);
    await dialog.getByLabel(/^Code from the app/).fill(recoveryCodes[0] ?? '');
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('button', { name: 'Set up authenticator app' }).waitFor();
    await page.close();
  });

  it('invites a security official, who joins through the link in the outbox', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/admin/members`);
    await page.getByRole('button', { name: 'Invite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByLabel(/^Email/).fill(OFFICER.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Security official' }).click();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('cell', { name: OFFICER.email }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `members-${kind}`);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Outbox' })
      .click();
    const body = (await page.getByText(/invitations#/).textContent()) ?? '';
    const link = /https?:\/\/\S+\/invitations#\S+/.exec(body)?.[0] ?? '';
    expect(link).not.toBe('');
    await screenshot(page, `outbox-${kind}`);

    // The invitee, in the same browser: the link replaces the owner's session with their own.
    await page.goto(`${app.url}${new URL(link).pathname}${new URL(link).hash}`);
    await page.getByRole('heading', { level: 1, name: 'Join Lakeside Pediatrics' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/^Your name/).fill(OFFICER.name);
    await page.getByLabel(/^Password/).fill(OFFICER.password);
    await page.getByLabel(/^Repeat the password/).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(
      page.getByRole('button', { name: `Account of ${OFFICER.name}` }).isVisible(),
    ).resolves.toBe(true);
    await page.close();
  });

  it('shows those events in the audit log to the new security official', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/admin/audit-log`);
    for (const action of [
      'setup.completed',
      'mfa.enabled',
      'mfa.disabled',
      'auth.signed_out',
      'auth.mfa_failed',
      'auth.signed_in',
      'invitation.created',
      'membership.created',
    ]) {
      await page
        .getByRole('cell', { name: auditActionLabel(action), exact: true })
        .first()
        .waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `audit-log-identity-${kind}`);
    await page.close();
  });
});
