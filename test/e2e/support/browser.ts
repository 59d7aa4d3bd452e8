import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = path.resolve(import.meta.dirname, '../../../test-results/e2e');

/** How the tests start Debian's Chromium: headless, no sandbox, no background networking (machine.md). */
export function launchOptions() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(RESULTS, { recursive: true });
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

/** Debian's Chromium, headless, with a fresh profile. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'custos-chromium-')), {
    ...launchOptions(),
    viewport: { width: 1366, height: 860 },
    // Lets the test inject axe-core; the app itself still gets the strict CSP.
    bypassCSP: true,
    // No transitions: axe then never measures a half-faded dialog.
    reducedMotion: 'reduce',
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
};

/** axe-core's own options (a subset): which rules, and which results to build. */
export interface AxeOptions {
  runOnly?: string[];
  resultTypes?: string[];
}

async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  // Once per document: a page navigated within the app keeps the injected script.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource() });
  }
  return page.evaluate(async (opts) => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document, o: AxeOptions): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (await axe.run(document, opts)).violations;
  }, options);
}

const described = (v: AxeViolation) =>
  `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(', ')}`;

/**
 * Runs axe-core on the page; returns the serious and critical violations as one line each
 * (rule, impact and the offending elements), so a failing test reads at a glance.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  return (await runAxe(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(described);
}

/**
 * Every axe-core violation of the page, whatever its impact, one line each; `only` limits the
 * run to some rules (axe builds no passes either: the checks need the violations alone).
 */
export async function a11yViolations(page: Page, only?: string[]): Promise<string[]> {
  const options: AxeOptions = { resultTypes: ['violations'], ...(only ? { runOnly: only } : {}) };
  return (await runAxe(page, options)).map(described);
}

/** Saves a full-page screenshot under test-results/e2e. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
