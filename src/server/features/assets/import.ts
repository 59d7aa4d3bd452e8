import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { ASSET_IMPORT_COLUMNS, AssetBodySchema, type AssetBody } from '../../../contracts/assets';
import type { AssetsTable } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/http/errors';
import { reserveReferenceNumbers } from '../../platform/references';
import { recordSignificantChangeIn } from '../risk-assessments/reminders';
import { insertAssets, memberIdsByEmail } from './repository';

export const MAX_IMPORT_ROWS = 20_000;
const MAX_PROBLEMS = 100;

export interface ImportProblem {
  row: number;
  line: number;
  field: string;
  message: string;
}

interface Table {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file as a header and rows of text, each with its line (CSV) or row number (XLSX). */
async function readTable(contentType: string, body: Buffer | string): Promise<Table> {
  if (contentType.startsWith(XLSX)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
    } catch {
      throw AppError.field('body', 'is not a readable XLSX workbook');
    }
    const sheet = workbook.worksheets[0];
    const rows: Table['rows'] = [];
    let header: string[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, number) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = values.map((v) => (v === null || v === undefined ? '' : cellText(v)));
      if (header.length === 0) header = cells;
      else rows.push({ line: number, cells });
    });
    return { header, rows };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(typeof body === 'string' ? body : body.toString('utf8'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw AppError.field('body', `is not valid CSV${line ? ` (line ${line})` : ''}`);
  }
  const [first, ...rest] = records;
  return {
    header: first?.record ?? [],
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (typeof value === 'object' && value !== null) {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) {
      const result = value.result;
      return typeof result === 'string' || typeof result === 'number' ? String(result) : '';
    }
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value);
}

const FIELD_COLUMN: Record<string, string> = {
  kind: 'kind',
  name: 'name',
  description: 'description',
  location: 'location',
  vendor: 'vendor',
  ephiRoles: 'ephi_roles',
  recordCount: 'record_count',
  criticality: 'criticality',
  encryptionAtRest: 'encryption_at_rest',
  encryptionInTransit: 'encryption_in_transit',
  mfa: 'mfa',
  backup: 'backup',
  lifecycle: 'lifecycle',
};

/**
 * Reads and checks every row of an asset import without writing anything. Problems name the
 * data row, the line of the file and the column (design.md §6.9).
 */
export async function checkAssetImport(
  deps: AppDeps,
  orgId: string,
  contentType: string,
  body: Buffer | string,
) {
  const table = await readTable(contentType, body);
  const problems: ImportProblem[] = [];
  const add = (problem: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const header = table.header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  header.forEach((column, i) => {
    // `reference` comes with an export; the import ignores it (new references are assigned).
    if (![...ASSET_IMPORT_COLUMNS, 'reference'].includes(column)) {
      add({
        row: 0,
        line: 1,
        field: table.header[i] ?? column,
        message: `is not a column of the asset import (columns: ${ASSET_IMPORT_COLUMNS.join(', ')})`,
      });
    }
  });
  for (const required of ['kind', 'name']) {
    if (!header.includes(required))
      add({ row: 0, line: 1, field: required, message: 'column is missing' });
  }
  if (table.rows.length > MAX_IMPORT_ROWS) {
    add({
      row: 0,
      line: 1,
      field: 'file',
      message: `has ${table.rows.length} rows; at most ${MAX_IMPORT_ROWS} per import`,
    });
  }
  const members = await memberIdsByEmail(deps.database.db, orgId);
  const assets: {
    fields: Omit<AssetBody, 'ownerId'>;
    ownerId: string | null;
    ownerEmail: string | null;
  }[] = [];
  if (problems.length === 0) {
    table.rows.forEach(({ line, cells }, index) => {
      const row = index + 1;
      // An export prefixes formula-like text with ' (design.md §6.9); the import takes it off again.
      const value = (column: string) =>
        (cells[header.indexOf(column)] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
      const input: Record<string, unknown> = {};
      for (const [field, column] of Object.entries(FIELD_COLUMN)) {
        const text = value(column);
        if (text === '') continue;
        if (field === 'ephiRoles') {
          input[field] = text
            .toLowerCase()
            .split(/[;,|]/)
            .map((s) => s.trim())
            .filter(Boolean);
        } else if (field === 'recordCount') {
          input[field] = /^\d+$/.test(text.replace(/[,_ ]/g, ''))
            ? Number(text.replace(/[,_ ]/g, ''))
            : text;
        } else {
          input[field] = ['name', 'description', 'location', 'vendor'].includes(field)
            ? text
            : text.toLowerCase();
        }
      }
      const parsed = AssetBodySchema.omit({ ownerId: true }).safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          add({ row, line, field: FIELD_COLUMN[field] ?? field, message: issue.message });
        }
        return;
      }
      const email = value('owner_email').toLowerCase();
      const ownerId = email === '' ? null : members.get(email);
      if (ownerId === undefined) {
        add({
          row,
          line,
          field: 'owner_email',
          message: `${email} is not a member of this organization`,
        });
        return;
      }
      assets.push({ fields: parsed.data, ownerId, ownerEmail: email === '' ? null : email });
    });
  }
  return { rows: table.rows.length, problems, assets };
}

/** Imports every row or none: one problem anywhere refuses the whole file. */
export async function importAssets(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  contentType: string,
  body: Buffer | string,
  mode: 'preview' | 'commit',
) {
  const checked = await checkAssetImport(deps, orgId, contentType, body);
  // The preview shows the owner's email as the file named it, not the member id.
  const preview = checked.assets
    .slice(0, 20)
    .map((asset) => ({ ...asset.fields, ownerEmail: asset.ownerEmail }));
  const result = {
    rows: checked.rows,
    valid: checked.problems.length === 0,
    problems: checked.problems,
    preview,
    imported: 0,
  };
  if (mode === 'preview') {
    return result;
  }
  const first = checked.problems[0];
  if (first) {
    throw new AppError(
      'validation_failed',
      `The file has ${checked.problems.length === MAX_PROBLEMS ? `${MAX_PROBLEMS} or more` : checked.problems.length} problem(s); nothing was imported. First: row ${first.row} (line ${first.line}), ${first.field} ${first.message}.`,
      checked.problems.map((p) => ({
        path: `file.rows.${p.row}.${p.field}`,
        message: `row ${p.row} (line ${p.line}): ${p.field} ${p.message}`,
      })),
    );
  }
  if (checked.assets.length === 0) {
    throw AppError.field('body', 'has no rows to import');
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const start = await reserveReferenceNumbers(trx, orgId, 'asset', checked.assets.length);
    const now = deps.clock.now().toISOString();
    const rows: AssetsTable[] = checked.assets.map(({ fields: a, ownerId }, i) => {
      const roles = [...new Set(a.ephiRoles ?? [])];
      return {
        id: uuidv7(),
        org_id: orgId,
        number: start + i,
        kind: a.kind,
        name: a.name,
        description: a.description ?? '',
        owner_id: ownerId,
        location: a.location ?? '',
        vendor: a.vendor ?? '',
        ephi_roles: JSON.stringify(roles),
        holds_ephi: roles.length > 0 ? 1 : 0,
        record_count: a.recordCount ?? null,
        criticality: a.criticality ?? 'moderate',
        encryption_at_rest: a.encryptionAtRest ?? 'unknown',
        encryption_in_transit: a.encryptionInTransit ?? 'unknown',
        mfa: a.mfa ?? 'unknown',
        backup: a.backup ?? 'unknown',
        lifecycle: a.lifecycle ?? 'active',
        created_at: now,
        updated_at: now,
      };
    });
    await insertAssets(trx, rows);
    // One event for the import, naming the range of references it created.
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'assets.imported',
      changes: {
        rows: { after: rows.length },
        references: { after: `ASSET-${start}–ASSET-${start + rows.length - 1}` },
        format: { after: contentType.startsWith(XLSX) ? 'xlsx' : 'csv' },
      },
    });
    const withEphi = rows.filter((r) => r.holds_ephi === 1).length;
    if (withEphi > 0) {
      await recordSignificantChangeIn(trx, deps, context, orgId, {
        kind: 'new_system',
        description: `${withEphi} imported asset(s) handle ePHI (ASSET-${start}–ASSET-${start + rows.length - 1})`,
      });
    }
  });
  return { ...result, imported: checked.assets.length };
}
