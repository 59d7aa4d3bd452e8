import ExcelJS from 'exceljs';
import {
  DECISION_LABELS,
  SAFEGUARD_STATUS_LABELS,
  type Safeguard,
} from '../../../contracts/program';
import { csvLine } from '../../platform/http/csv';

const COLUMNS = [
  ['Citation', 22],
  ['Title', 40],
  ['Safeguard', 16],
  ['Kind', 14],
  ['Designation', 13],
  ['Status', 15],
  ['Owner', 22],
  ['Implementation statement', 60],
  ['Decision (164.306(d)(3))', 30],
  ['Rationale', 40],
  ['Alternative measure', 40],
  ['Approved by', 22],
  ['Approved on', 12],
  ['Basis (risk analysis)', 30],
  ['Review every (months)', 10],
  ['Next review', 12],
  ['Review overdue', 10],
] as const;

/** The register's cells, one row per requirement; every cell is text or a number. */
export function registerRows(safeguards: readonly Safeguard[]): (string | number)[][] {
  return safeguards.map((s) => [
    s.requirementId,
    s.title,
    s.safeguard,
    s.kind === 'standard' ? 'Standard' : 'Specification',
    s.designation === 'required' ? 'Required' : 'Addressable',
    SAFEGUARD_STATUS_LABELS[s.status],
    s.owner?.name ?? '',
    s.statement,
    s.decision ? DECISION_LABELS[s.decision.decision] : s.decisionMissing ? 'Missing' : '',
    s.decision?.rationale ?? '',
    s.decision?.alternative ?? '',
    s.decision?.approvedBy?.name ?? '',
    s.decision?.approvedOn ?? '',
    s.decision?.basis ?? '',
    s.reviewIntervalMonths ?? '',
    s.nextReviewOn ?? '',
    s.reviewOverdue ? 'Yes' : '',
  ]);
}

export function registerCsv(safeguards: readonly Safeguard[]): string {
  return [COLUMNS.map(([name]) => name), ...registerRows(safeguards)].map(csvLine).join('');
}

/**
 * The register as an XLSX workbook. Strings go in as shared-string text cells, never formulas
 * (ExcelJS only writes a formula from a { formula } object), so "=…" stays text (design.md §6.9).
 */
export async function registerXlsx(
  safeguards: readonly Safeguard[],
  organization: string,
  generatedAt: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Custos';
  workbook.created = new Date(generatedAt);
  const sheet = workbook.addWorksheet('Safeguard register', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of registerRows(safeguards)) {
    const row = sheet.addRow(cells);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: COLUMNS.length } };
  workbook.title = `${organization}: safeguard register`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
