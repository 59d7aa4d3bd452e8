/**
 * The choices a policy's text still leaves to the practice: the `[choose: …]` marks the templates
 * put where a clinic must decide (content/policies/README.md). A policy that takes effect with one
 * says nothing definite there, so the page warns until each is made.
 */
export function openChoices(body: string): string[] {
  // A mark may run over a line break (the templates wrap long lines): counted whole, shown on one.
  return [...body.matchAll(/\[choose:[^\]]*\]/g)].map((match) => match[0].replace(/\s+/g, ' '));
}
