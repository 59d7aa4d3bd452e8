import MarkdownIt from 'markdown-it';

// Raw HTML in a policy is shown as text, never run as markup (html: false), and markdown-it's
// validateLink refuses javascript:, vbscript: and data: addresses (except images), so the HTML
// this gives is safe to put in the page. The CSP (platform/http/security-headers.ts) allows no
// outside script, image or frame either.
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
const { escapeHtml } = renderer.utils;

// An image is never loaded from a policy (the CSP would block an outside one, but a tracking pixel
// should not even be asked for): its alt text shows instead, as a link to an http(s) address
// (plain text inside another link, or for any other address).
renderer.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token?.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token?.children ?? [], options, env).trim() || 'Image';
  const inLink =
    tokens.slice(0, idx).filter((t) => t.type === 'link_open').length >
    tokens.slice(0, idx).filter((t) => t.type === 'link_close').length;
  if (inLink || !/^https?:\/\//i.test(src)) return escapeHtml(alt);
  return `<a href="${escapeHtml(src)}" target="_blank" rel="noopener noreferrer">${escapeHtml(alt)}</a>`;
};

// The page around a policy has its own h1 (the policy's title): the body's headings sit one level
// below it, so a page has one h1 and its outline stays in order (WCAG 1.3.1).
renderer.core.ruler.push('headings_below_the_page', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    }
  }
});

/** Markdown (CommonMark with tables) as safe HTML, its headings one level below the page's. */
export function markdownHtml(markdown: string): string {
  return renderer.render(markdown);
}
