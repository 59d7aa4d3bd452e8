import { setImmediate } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import {
  ASSET_IMPORT_COLUMNS,
  ASSET_IMPORT_TYPES,
  AssetBodySchema,
  type AssetBody,
} from '../../../contracts/assets';
import type { AssetsTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { countOf } from '../../../contracts/words';
import { memberHolds, memberIsActive } from '../../platform/auth/members';
import { XLSX_TYPE } from '../../platform/http/spreadsheet';
import { readTable } from '../../platform/import/table';
import { reserveReferenceNumbers } from '../../platform/references-repository';
import { recordSignificantChangeIn } from '../risk-assessments/reminders';
import { choiceOf, choicesMessage } from './import-values';
import { compileAssetInserts, memberIdsByEmail, runAssetInserts } from './repository';

const MAX_PROBLEMS = 100;
const YIELD_EVERY = 1000;
// Built once: zod compiles a schema on first use, and `.omit` makes a new one each call (a
// schema per row cost 1 ms a row, 20 s of blocked event loop for 20,000 rows).
const ImportedAssetSchema = AssetBodySchema.omit({ ownerId: true });

export interface ImportProblem {
  row: number;
  line: number;
  field: string;
  message: string;
}

interface CheckedAsset {
  fields: Omit<AssetBody, 'ownerId'>;
  ownerId: string | null;
  ownerEmail: string | null;
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
  body: Buffer,
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
  // `reference` comes with an export; the import ignores it (new references are assigned).
  const known = [...ASSET_IMPORT_COLUMNS, 'reference'] as readonly string[];
  header.forEach((column, i) => {
    const named = table.header[i] ?? column;
    if (!known.includes(column)) {
      add({
        row: 0,
        line: 1,
        field: named,
        message: `is not a column of the asset import (columns: ${ASSET_IMPORT_COLUMNS.join(', ')})`,
      });
    } else if (header.indexOf(column) !== i) {
      // Two columns for one field: neither may silently win (design.md §6.9).
      add({
        row: 0,
        line: 1,
        field: named,
        message: `appears more than once (columns ${header.indexOf(column) + 1} and ${i + 1})`,
      });
    }
  });
  for (const required of ['kind', 'name']) {
    if (!header.includes(required))
      add({ row: 0, line: 1, field: required, message: 'column is missing' });
  }
  const members = await memberIdsByEmail(deps.database.db, orgId);
  const refusals = new Map<string, string | null>();
  const now = deps.clock.now().toISOString();
  const ownerRefusal = async (userId: string): Promise<string | null> => {
    if (!refusals.has(userId)) {
      refusals.set(
        userId,
        !(await memberIsActive(deps.database.db, orgId, userId, now))
          ? 'is a member whose access has ended'
          : !(await memberHolds(deps.database.db, orgId, userId, 'assets.manage'))
            ? 'has a role that cannot edit the inventory, so cannot own an asset'
            : null,
      );
    }
    return refusals.get(userId) ?? null;
  };
  const assets: CheckedAsset[] = [];
  if (problems.length === 0) {
    for (const [index, { line, cells }] of table.rows.entries()) {
      // Checking 20,000 rows is CPU work: let other requests in now and then.
      if (index > 0 && index % YIELD_EVERY === 0) await setImmediate();
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
            .split(/[;,|]/)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => choiceOf(field, s));
        } else if (field === 'recordCount') {
          input[field] = /^\d+$/.test(text.replace(/[,_ ]/g, ''))
            ? Number(text.replace(/[,_ ]/g, ''))
            : text;
        } else {
          input[field] = ['name', 'description', 'location', 'vendor'].includes(field)
            ? text
            : choiceOf(field, text);
        }
      }
      const parsed = ImportedAssetSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          const message =
            issue.code === 'invalid_value'
              ? (choicesMessage(field) ?? issue.message)
              : issue.message;
          add({ row, line, field: FIELD_COLUMN[field] ?? field, message });
        }
        continue;
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
        continue;
      }
      // The owner rule of a single asset (service.ts), once per person: access not ended, and a
      // role that may keep the inventory (164.308(a)(3)(ii)(C)).
      const refusal = ownerId === null ? null : await ownerRefusal(ownerId);
      if (refusal) {
        add({ row, line, field: 'owner_email', message: `${email} ${refusal}` });
        continue;
      }
      assets.push({ fields: parsed.data, ownerId, ownerEmail: email === '' ? null : email });
    }
  }
  return { rows: table.rows.length, problems, assets };
}

/** The rows to insert, built before the transaction; numbers are given inside it. */
function assetRows(
  orgId: string,
  assets: CheckedAsset[],
  now: string,
): Omit<AssetsTable, 'number'>[] {
  return assets.map(({ fields: a, ownerId }) => {
    const roles = [...new Set(a.ephiRoles ?? [])];
    return {
      id: uuidv7(),
      org_id: orgId,
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
}

/** The uploaded file: its content type and the body as the route's parsers left it. */
export interface AssetUpload {
  contentType: string;
  body: unknown;
}

/** Imports every row or none: one problem anywhere refuses the whole file. */
/** Imports of at least this many rows are followed by database upkeep. */
const LARGE_IMPORT = 1000;

export async function importAssets(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  upload: AssetUpload,
  mode: 'preview' | 'commit',
) {
  const { contentType, body } = upload;
  // Only CSV and XLSX arrive as bytes (the route's own parsers); anything else is refused here.
  if (!ASSET_IMPORT_TYPES.some((type) => contentType.startsWith(type)) || !Buffer.isBuffer(body)) {
    throw AppError.field('headers.content-type', `must be ${ASSET_IMPORT_TYPES.join(' or ')}`);
  }
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
      `The file has ${checked.problems.length === MAX_PROBLEMS ? `${MAX_PROBLEMS} or more problems` : countOf(checked.problems.length, 'problem')}; nothing was imported. First: row ${first.row} (line ${first.line}), ${first.field} ${first.message}.`,
      checked.problems.map((p) => ({
        path: `file.rows.${p.row}.${p.field}`,
        message: `row ${p.row} (line ${p.line}): ${p.field} ${p.message}`,
      })),
    );
  }
  if (checked.assets.length === 0) {
    throw AppError.field('body', 'has no rows to import');
  }
  // Reading, checking and building the rows happen above; the write transaction holds only the
  // writes, so it blocks other requests as briefly as it can (on SQLite it blocks every query).
  const rows = assetRows(orgId, checked.assets, deps.clock.now().toISOString());
  const withEphi = rows.filter((r) => r.holds_ephi === 1).length;
  const inserts = await compileAssetInserts(deps.database.db, rows);
  const owners = new Map(
    checked.assets.flatMap((a) => (a.ownerEmail ? [[a.ownerEmail, a.ownerId]] : [])),
  );
  await deps.database.db.transaction().execute(async (trx) => {
    // The owners were checked before the transaction; one query re-checks that they still are
    // members, so a member removed meanwhile is never made an asset's owner.
    const members = await memberIdsByEmail(trx, orgId);
    for (const [email, id] of owners) {
      if (members.get(email) !== id) {
        throw new AppError(
          'conflict',
          `${email} stopped being a member of this organization during the import; nothing was imported. Check the file and import it again.`,
        );
      }
    }
    const start = await reserveReferenceNumbers(trx, orgId, 'asset', rows.length);
    await runAssetInserts(trx, inserts, start);
    const range = `ASSET-${start}–ASSET-${start + rows.length - 1}`;
    if (rows.length >= LARGE_IMPORT) {
      // Planner statistics after a bulk write (issue 13); once per import, after it commits.
      await deps.jobs.enqueueIn(trx, 'platform.database-upkeep', { reason: 'asset import' });
    }
    // One event for the import, naming the range of references it created.
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'assets.imported',
      changes: {
        rows: { after: rows.length },
        references: { after: range },
        format: { after: contentType.startsWith(XLSX_TYPE) ? 'xlsx' : 'csv' },
      },
    });
    if (withEphi > 0) {
      await recordSignificantChangeIn(trx, deps, context, orgId, {
        kind: 'new_system',
        description: `${withEphi} imported asset(s) handle ePHI (${range})`,
      });
    }
  });
  return { ...result, imported: checked.assets.length };
}
