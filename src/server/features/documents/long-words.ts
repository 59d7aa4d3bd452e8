/** The longest unbroken piece the PDF's line breaker is given. */
export const PIECE = 30;

/**
 * Offers a break (a soft hyphen, shown only where a line breaks) every PIECE characters of a word
 * longer than that. pdfkit fits a word wider than the line one character at a time, re-measuring
 * the rest each time: a 200,000-character word took minutes and held the server (outside attacker,
 * issue 14). Pieces keep the work linear.
 */
export function breakLongWords(text: string): string {
  return text.replace(new RegExp(`[^\\s\\u00ad]{${PIECE + 1},}`, 'g'), (word) =>
    (word.match(new RegExp(`[^]{1,${PIECE}}`, 'g')) ?? [word]).join('\u00ad'),
  );
}
