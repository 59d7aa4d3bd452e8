import {
  DECISION_LABELS,
  SAFEGUARD_STATUS_LABELS,
  type Safeguard,
} from '../../../contracts/safeguards';
import { csvTable, xlsxTable } from '../../platform/http/spreadsheet';

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
  return csvTable(COLUMNS, registerRows(safeguards));
}

/** The register as an XLSX workbook. */
export async function registerXlsx(
  safeguards: readonly Safeguard[],
  organization: string,
  generatedAt: string,
): Promise<Buffer> {
  return xlsxTable('Safeguard register', COLUMNS, registerRows(safeguards), {
    title: `${organization}: safeguard register`,
    createdAt: generatedAt,
  });
}
