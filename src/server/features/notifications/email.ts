import type { LinkType } from '../../../contracts/links';

// Notification emails: a plain-text part and an HTML part of one table with inline styles (what
// Outlook, Gmail and Apple Mail all render), linking into the app. No PHI: titles, references,
// dates and record names only (164.312(e)(1): email leaves the organization's control).

/** The app page of a record a notification is about (as the web's pageOfLink). */
export function recordPath(type: LinkType, id: string): string {
  switch (type) {
    case 'task':
      return `/tasks?scope=all&task=${encodeURIComponent(id)}`;
    case 'risk':
      return `/risks?risk=${encodeURIComponent(id)}`;
    case 'risk_assessment':
      return `/risk-assessments/${encodeURIComponent(id)}`;
    case 'safeguard':
      return `/safeguards/${encodeURIComponent(id)}`;
    case 'asset':
      return '/assets';
    case 'document':
      return `/documents/${encodeURIComponent(id)}`;
    case 'evidence':
      return `/evidence/${encodeURIComponent(id)}`;
    case 'training':
      return `/my-training/${encodeURIComponent(id)}`;
    case 'incident':
      return `/incidents/${encodeURIComponent(id)}`;
    case 'security_reminder':
      return '/my-reminders';
    case 'url':
    case 'risk_report':
      return '/notifications';
  }
}

/** One line of an email: what, when it is due, where to open it. */
export interface EmailItem {
  readonly title: string;
  readonly dueOn: string | null;
  readonly url: string;
}

export interface EmailSection {
  readonly heading: string;
  readonly items: readonly EmailItem[];
}

export interface RenderedEmail {
  readonly text: string;
  readonly html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML: record names are typed by people. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** "15 Mar 2026" for a YYYY-MM-DD date: the same in every client, no time zone to misread. */
export function formatDay(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

const FONT =
  'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;color:#1f2933;';

function htmlItem(item: EmailItem): string {
  const due = item.dueOn
    ? `<span style="color:#52606d;"> &middot; due ${escapeHtml(formatDay(item.dueOn))}</span>`
    : '';
  return (
    `<tr><td style="${FONT}padding:6px 0;border-bottom:1px solid #e4e7eb;">` +
    `<a href="${escapeHtml(item.url)}" style="color:#1c5fb8;text-decoration:underline;">` +
    `${escapeHtml(item.title)}</a>${due}</td></tr>`
  );
}

function textItem(item: EmailItem): string {
  const due = item.dueOn ? ` (due ${formatDay(item.dueOn)})` : '';
  return `- ${item.title}${due}\n  ${item.url}`;
}

/**
 * An email of sections of linked items, in both parts. `intro` and the headings are our own
 * words; item titles are escaped.
 */
export function renderEmail(input: {
  readonly heading: string;
  readonly intro: string;
  readonly sections: readonly EmailSection[];
  readonly footer: string;
  readonly footerUrl: string;
}): RenderedEmail {
  const sections = input.sections.filter((s) => s.items.length > 0);
  const text = [
    input.heading,
    '',
    input.intro,
    ...sections.flatMap((s) => ['', `${s.heading}:`, ...s.items.map(textItem)]),
    '',
    `${input.footer}: ${input.footerUrl}`,
    '',
  ].join('\n');
  const rows = sections
    .map(
      (s) =>
        `<tr><td style="${FONT}font-size:16px;font-weight:bold;padding:20px 0 6px 0;">` +
        `${escapeHtml(s.heading)}</td></tr>${s.items.map(htmlItem).join('')}`,
    )
    .join('');
  const html =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(input.heading)}</title></head>` +
    '<body style="margin:0;padding:0;background-color:#f5f7fa;">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
    'style="background-color:#f5f7fa;"><tr><td align="center" style="padding:24px 12px;">' +
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" ' +
    'style="max-width:600px;width:100%;background-color:#ffffff;border:1px solid #e4e7eb;">' +
    `<tr><td style="padding:24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">` +
    `<tr><td style="${FONT}font-size:20px;line-height:26px;font-weight:bold;padding-bottom:8px;">` +
    `${escapeHtml(input.heading)}</td></tr>` +
    `<tr><td style="${FONT}padding-bottom:4px;">${escapeHtml(input.intro)}</td></tr>` +
    rows +
    `<tr><td style="${FONT}font-size:12px;color:#52606d;padding-top:24px;">` +
    `<a href="${escapeHtml(input.footerUrl)}" style="color:#1c5fb8;">${escapeHtml(input.footer)}</a>` +
    '</td></tr></table></td></tr></table></td></tr></table></body></html>';
  return { text, html };
}
