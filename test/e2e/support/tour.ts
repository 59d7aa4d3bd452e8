import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchOptions } from './browser';

/** The combinations every page is checked in: a desktop and a phone, light and dark. */
export const WIDTHS = [1440, 390] as const;
export const SCHEMES = ['light', 'dark'] as const;

/** One Chromium for the whole tour; each role gets its own context (cookies, storage). */
export async function launchTourBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

export async function roleContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: WIDTHS[0], height: 900 },
    bypassCSP: true,
    reducedMotion: 'reduce',
    colorScheme: 'light',
  });
}

const isId = (s: string) => /\d/.test(s) && !/^\d{4}$/.test(s);

/**
 * A page's address as the tour remembers it: ids and citations become `:id`, so the register
 * is visited once for all its risks. The query keeps its names, not their values: a filter may
 * call another endpoint, while each value of one filter shows the same page.
 */
export function pageKey(href: string): string {
  const url = new URL(href);
  const path = url.pathname
    .split('/')
    .map((s) => (isId(s) ? ':id' : s))
    .join('/');
  const query = [...new Set(url.searchParams.keys())].sort().join('&');
  return query ? `${path}?${query}` : path;
}

/**
 * What the page looks like, for the checks at each width and scheme: the path, and only the
 * query names whose value is an id (`?task=…` opens a drawer); a filter shows the same page.
 */
export function layoutKey(href: string): string {
  const url = new URL(href);
  const opened = [...url.searchParams.entries()].filter(([, v]) => isId(v)).map(([k]) => k);
  const path = pageKey(`${url.origin}${url.pathname}`);
  return opened.length > 0 ? `${path}?${[...new Set(opened)].sort().join('&')}` : path;
}

/** Counts the page's requests in flight, so a check waits for what the page asked for. */
export function trackRequests(page: Page): { idle(): Promise<void> } {
  let inFlight = 0;
  let last = Date.now();
  page.on('request', () => {
    inFlight += 1;
    last = Date.now();
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async idle() {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - last < 150)) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/**
 * Null when nothing is wider than the window; otherwise the widest offenders, named so a
 * failure says where to look (tag, test id or class, and how far they reach).
 */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    if (root.scrollWidth <= width) {
      return null;
    }
    const offenders = Array.from(document.querySelectorAll('body *'))
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter(
        ({ e, right }) =>
          right > width + 1 && (e.parentElement?.getBoundingClientRect().right ?? 0) <= width + 1,
      )
      .slice(0, 4)
      .map(({ e, right }) => {
        const classes = typeof e.className === 'string' ? e.className.trim().split(/\s+/) : [];
        const name = [e.tagName.toLowerCase(), ...classes.slice(0, 2)].join('.');
        return `${name}${e.id ? `#${e.id}` : ''} to ${Math.round(right)} px`;
      });
    return `page is ${root.scrollWidth} px wide in ${width} px: ${offenders.join('; ')}`;
  });
}

/** The same-origin links a page offers (navigation, cards, tables), without downloads. */
export async function offeredLinks(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>(`${selector} a[href]`));
    return links
      .filter((a) => a.origin === location.origin && !a.hasAttribute('download'))
      .filter((a) => !a.pathname.startsWith('/api/'))
      .map((a) => a.href.replace(/#.*$/, ''));
  }, scope);
}

/**
 * Opens `href` inside the running app, as a link would (the router reads the address on
 * popstate): no reload, so the app and the injected axe-core stay, and only the page's own
 * code and data load. Resolves once its heading shows and its requests are answered.
 */
export async function openInApp(
  page: Page,
  href: string,
  requests: ReturnType<typeof trackRequests>,
): Promise<void> {
  const url = new URL(href);
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `${url.pathname}${url.search}`);
  await page.waitForFunction((path) => window.location.pathname === path, url.pathname);
  await requests.idle();
  // A page without a heading is reported by the caller (every page has its h1). The wait is long
  // for a machine under load (CI with other work): a page that never shows one still fails.
  await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
}

/**
 * Text the page cuts off, and tables that scroll without saying so. A clipped element is one
 * whose content is wider than its box while its overflow is hidden (badges, select inputs,
 * table cells, anything with an ellipsis), unless a `title` on it or around it gives the whole
 * text ("Riverside Fa…" with the name in its title). A table inside a frame that scrolls
 * sideways needs the frame's hint (components/ScrollTable.tsx), or the columns beyond the edge
 * are as good as cut off.
 */
export async function clippedText(page: Page): Promise<string[]> {
  // No named functions inside: the page gets this code as written, without a bundler's helpers.
  return page.evaluate(() => {
    const found: string[] = [];
    for (const e of Array.from(document.querySelectorAll('main *, header *, [role=dialog] *'))) {
      // A visually hidden text (a column name for screen readers) is 1 px wide on purpose.
      if (!(e instanceof HTMLElement) || e.getClientRects().length === 0 || e.clientWidth <= 1) {
        continue;
      }
      const text = (e instanceof HTMLInputElement ? e.value : e.textContent).trim();
      const classes = typeof e.className === 'string' ? e.className.trim().split(/\s+/) : [];
      const where = [e.tagName.toLowerCase(), ...classes.slice(0, 2)].join('.');
      const style = getComputedStyle(e);
      // Text is cut by its own box or by the one or two around it (a badge clips its label),
      // not by a far ancestor: a canvas that pans (the data-flow map) clips on purpose.
      const ownText = Array.from(e.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      const boxes = [e, e.parentElement, e.parentElement?.parentElement];
      const cutter = boxes.find((b) => {
        if (!b || !(ownText || e instanceof HTMLInputElement)) {
          return false;
        }
        const s = getComputedStyle(b);
        const clips =
          b instanceof HTMLInputElement ||
          s.textOverflow === 'ellipsis' ||
          ['hidden', 'clip'].includes(s.overflowX);
        return clips && b.clientWidth > 1 && b.scrollWidth > b.clientWidth + 1;
      });
      if (text && cutter && !e.closest('[title]')) {
        found.push(
          `"${text.slice(0, 40)}" is cut off in ${where} (${cutter.scrollWidth} px in ${cutter.clientWidth})`,
        );
      }
      if (
        ['auto', 'scroll'].includes(style.overflowX) &&
        e.scrollWidth > e.clientWidth + 1 &&
        e.querySelector(':scope > table') &&
        !e.parentElement?.parentElement?.querySelector('[data-scroll-hint]')
      ) {
        found.push(`the table in ${where} scrolls sideways without saying so`);
      }
    }
    return found;
  });
}
