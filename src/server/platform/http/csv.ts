// Cells that a spreadsheet would run as a formula (design.md §6.9: CSV injection); a leading | is
// an old Excel DDE call (found by the outside attacker).
const FORMULA_START = /^[=+\-@|\t\r]/;

/** One CSV cell: formula-like text is prefixed with ', and quoting follows RFC 4180. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending in CRLF. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
