import { v7 as uuidv7 } from 'uuid';
import type {
  LibraryItemBody,
  OrganizationLibrary,
  RiskMatrix,
  ThreatLibrary,
} from '../../../contracts/risk-library';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { nextReferenceNumber } from '../../platform/references-repository';
import { catalog } from '../catalog/content';
import { levelOf, riskContent } from './content';
import { anyRated, relevel } from './repository/risks';
import {
  insertLibraryItem,
  listLibraryItems,
  listLibraryTitles,
  readMatrixJson,
  writeMatrixJson,
} from './repository/settings';
import type { Db } from '../../platform/db/types';
import { readJson } from '../../platform/db/json-columns';

/** The matrix the organization rates risks on: its own, or SP 800-30's 5×5. */
export async function organizationMatrix(db: Db, orgId: string): Promise<RiskMatrix> {
  const json = await readMatrixJson(db, orgId);
  return json ? readJson('organizations.risk_matrix', json) : riskContent().defaultMatrix;
}

export async function matrixSettings(deps: AppDeps, orgId: string) {
  const json = await readMatrixJson(deps.database.db, orgId);
  const content = riskContent();
  return {
    matrix: json ? readJson('organizations.risk_matrix', json) : content.defaultMatrix,
    isDefault: json === null,
    presets: [...content.matrices],
  };
}

/**
 * Sets the organization's matrix. Stored levels are recomputed; a change of scale size is refused
 * while any risk is rated on the old scales (their indexes would change meaning).
 */
export async function changeMatrix(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  matrix: RiskMatrix,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await organizationMatrix(trx, orgId);
    const resized =
      before.likelihood.length !== matrix.likelihood.length ||
      before.impact.length !== matrix.impact.length;
    if (resized && (await anyRated(trx, orgId))) {
      throw new AppError(
        'conflict',
        `Risks are rated on the ${before.likelihood.length}×${before.impact.length} scales; a matrix of another size would misread them. Keep the size, or clear the ratings first.`,
        [{ path: 'body.matrix', message: 'must keep the size of the scales risks are rated on' }],
      );
    }
    await writeMatrixJson(trx, orgId, JSON.stringify(matrix));
    for (let l = 0; l < matrix.likelihood.length; l += 1) {
      for (let i = 0; i < matrix.impact.length; i += 1) {
        await relevel(trx, orgId, l, i, levelOf(matrix, l, i).index);
      }
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_matrix.changed',
      changes: { matrix: { before: before.id, after: matrix.id } },
    });
  });
  return matrixSettings(deps, orgId);
}

/** Threat and vulnerability titles by id: all that a presented risk shows of the library. */
export interface LibraryTitles {
  threats: ReadonlyMap<string, string>;
  vulnerabilities: ReadonlyMap<string, string>;
}

const shippedTitles = new WeakMap<ThreatLibrary, LibraryTitles>();

/**
 * The titles of the shipped library (built once) and of the organization's own items (one small
 * query), as `organizationLibrary` lists them: a shipped id is never shadowed.
 */
export async function libraryTitles(db: Db, orgId: string): Promise<LibraryTitles> {
  const { library } = riskContent();
  let shipped = shippedTitles.get(library);
  if (!shipped) {
    shipped = {
      threats: new Map(library.threats.map((t) => [t.id, t.title])),
      vulnerabilities: new Map(library.vulnerabilities.map((v) => [v.id, v.title])),
    };
    shippedTitles.set(library, shipped);
  }
  const own = await listLibraryTitles(db, orgId);
  if (own.length === 0) return shipped;
  const threats = new Map(shipped.threats);
  const vulnerabilities = new Map(shipped.vulnerabilities);
  for (const item of own) {
    const titles = item.kind === 'threat' ? threats : vulnerabilities;
    if (!titles.has(item.key)) titles.set(item.key, item.title);
  }
  return { threats, vulnerabilities };
}

/** The shipped library with the organization's own threats and vulnerabilities added. */
export async function organizationLibrary(db: Db, orgId: string): Promise<OrganizationLibrary> {
  const { library } = riskContent();
  const own = await listLibraryItems(db, orgId);
  return {
    threats: [
      ...library.threats.map((t) => ({ ...t, custom: false })),
      ...own
        .filter((item) => item.kind === 'threat')
        .map((item) => ({
          id: item.key,
          title: item.title,
          sourceType: item.source_type ?? 'adversarial',
          description: item.description,
          examples: [],
          vulnerabilities: readJson('risk_library_items.vulnerabilities', item.vulnerabilities),
          custom: true,
        })),
    ],
    vulnerabilities: [
      ...library.vulnerabilities.map((v) => ({ ...v, custom: false })),
      ...own
        .filter((item) => item.kind === 'vulnerability')
        .map((item) => ({
          id: item.key,
          title: item.title,
          kind: 'vulnerability' as const,
          description: item.description,
          requirements: readJson('risk_library_items.requirements', item.requirements),
          custom: true,
        })),
    ],
  };
}

/** Adds a threat (T-ORG-n) or a vulnerability (V-ORG-n) of the organization's own. */
export async function addLibraryItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: LibraryItemBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const library = await organizationLibrary(trx, orgId);
    if (body.kind === 'threat' && !body.sourceType) {
      throw AppError.field('body.sourceType', 'is required for a threat');
    }
    if (body.kind === 'vulnerability') {
      if (!body.requirements?.length) {
        throw AppError.field('body.requirements', 'must name at least one catalog requirement');
      }
      const unknown = body.requirements.findIndex((id) => !catalog().byId.has(id));
      if (unknown >= 0) {
        throw AppError.field(`body.requirements.${unknown}`, 'names no catalog requirement');
      }
    }
    const known = new Set(library.vulnerabilities.map((v) => v.id));
    const unknownVulnerability = (body.vulnerabilities ?? []).findIndex((id) => !known.has(id));
    if (unknownVulnerability >= 0) {
      throw AppError.field(
        `body.vulnerabilities.${unknownVulnerability}`,
        'names no vulnerability of the library',
      );
    }
    const number = await nextReferenceNumber(trx, orgId, `library_${body.kind}`);
    const key = `${body.kind === 'threat' ? 'T' : 'V'}-ORG-${number}`;
    await insertLibraryItem(trx, {
      id: uuidv7(),
      org_id: orgId,
      key,
      kind: body.kind,
      title: body.title,
      description: body.description ?? '',
      source_type: body.kind === 'threat' ? (body.sourceType ?? null) : null,
      requirements: JSON.stringify(body.kind === 'vulnerability' ? body.requirements : []),
      vulnerabilities: JSON.stringify(body.kind === 'threat' ? (body.vulnerabilities ?? []) : []),
      created_at: deps.clock.now().toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_library.item_added',
      changes: { key: { after: key }, title: { after: body.title } },
    });
  });
  return organizationLibrary(deps.database.db, orgId);
}
