import MarkdownIt from 'markdown-it';

// Raw HTML in a policy is shown as text, never run as markup (html: false), and markdown-it's
// validateLink refuses javascript:, vbscript: and data: addresses (except images), so the HTML
// this gives is safe to put in the page. The CSP (platform/http/security-headers.ts) allows no
// outside script, image or frame either.
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Markdown (CommonMark with tables) as safe HTML. */
export function markdownHtml(markdown: string): string {
  return renderer.render(markdown);
}
