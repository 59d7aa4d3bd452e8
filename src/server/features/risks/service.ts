import { v7 as uuidv7 } from 'uuid';
import type {
  HeatMap,
  Risk,
  RiskBody,
  RiskDetail,
  RiskPlanTaskBody,
  RiskQuery,
  RiskUpdateBody,
} from '../../../contracts/risks';
import type { Database } from '../../db/schema';
import type { RisksTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf } from '../../platform/audit/changes';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { notifyNewOwnerIn } from '../notifications/notify';
import { organizationToday } from '../../platform/org-calendar';
import { nextReferenceNumber } from '../../platform/references-repository';
import { addMonths } from '../../platform/time';
import {
  createLinkIn,
  linkedIds,
  linkedIdsByType,
  linksOf,
  removeLinkBetweenIn,
} from '../links/service';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { taskSummaries } from '../tasks/summaries';
import { presentRisk, type RiskContext } from './presenter';
import {
  assetsOfRisks,
  countCells,
  riskCover,
  findRisk,
  insertRisk,
  listRisks,
  replaceRiskAssets,
  updateRisk,
  type RiskRow,
} from './repository/risks';
import { followAcceptanceIn } from './acceptance-task';
import { checkedColumns, RISK_AUDIT_FIELDS } from './rules';
import { libraryTitles, organizationMatrix } from './settings';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/types';

/** Presents rows with their assets, controls and plan tasks, a few queries for the whole page. */
async function present(db: Db, orgId: string, rows: readonly RiskRow[]): Promise<Risk[]> {
  const ids = rows.map((r) => r.id);
  const assets: RiskContext['assets'] = new Map();
  for (const a of await assetsOfRisks(db, orgId, ids)) {
    const entry = { id: a.id, reference: `ASSET-${a.number}`, name: a.name };
    assets.set(a.risk_id, [...(assets.get(a.risk_id) ?? []), entry]);
  }
  const links = await linkedIdsByType(db, orgId, 'risk', ids, ['safeguard', 'task']);
  const controls = links.get('safeguard') ?? new Map<string, string[]>();
  const taskIds = links.get('task') ?? new Map<string, string[]>();
  const tasks = await taskSummaries(db, orgId, [...taskIds.values()].flat());
  const planTasks: RiskContext['planTasks'] = new Map(
    [...taskIds].map(([riskId, list]) => [
      riskId,
      list.flatMap((id) => {
        const task = tasks.get(id);
        return task ? [task] : [];
      }),
    ]),
  );
  const context: RiskContext = {
    matrix: await organizationMatrix(db, orgId),
    library: await libraryTitles(db, orgId),
    assets,
    controls,
    planTasks,
  };
  return rows.map((row) => presentRisk(row, context));
}

export async function listRiskPage(deps: AppDeps, orgId: string, query: RiskQuery) {
  // The contract accepts only a 32-bit reference number as cursor.
  const after = query.cursor;
  const db = deps.database.db;
  const rows = await listRisks(db, orgId, {
    q: query.q,
    status: query.status,
    level: query.level,
    residualLevel: query.residualLevel,
    treatment: query.treatment === 'none' ? null : query.treatment,
    assetId: query.assetId,
    ownerId: query.ownerId === 'none' ? null : query.ownerId,
    afterNumber: after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: await present(db, orgId, page),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.number ?? '') : null,
  };
}

/** The whole register, presented, read page by page (snapshots, reports, exports). */
export async function allRisks(db: Db, orgId: string): Promise<Risk[]> {
  const result: Risk[] = [];
  for (let after = 0; ;) {
    const page = await listRisks(db, orgId, { afterNumber: after, limit: 1000 });
    result.push(...(await present(db, orgId, page)));
    const last = page.at(-1);
    if (!last || page.length < 1000) break;
    after = last.number;
  }
  return result;
}

export async function getRisk(deps: AppDeps, orgId: string, id: string): Promise<Risk> {
  const row = await findRisk(deps.database.db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such risk.');
  const [risk] = await present(deps.database.db, orgId, [row]);
  if (!risk) throw new AppError('not_found', 'No such risk.');
  return risk;
}

/** One risk with the records linked to it: its page shows the evidence among them. */
export async function getRiskDetail(deps: AppDeps, orgId: string, id: string): Promise<RiskDetail> {
  const risk = await getRisk(deps, orgId, id);
  return { ...risk, links: await linksOf(deps.database.db, deps, orgId, 'risk', id) };
}

/** Links the risk to exactly these safeguard records (its existing controls). */
async function syncControls(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  riskId: string,
  citations: readonly string[],
) {
  const current = (await linkedIds(trx, orgId, 'risk', [riskId], 'safeguard')).get(riskId) ?? [];
  const risk = { type: 'risk' as const, id: riskId };
  for (const citation of current.filter((c) => !citations.includes(c))) {
    await removeLinkBetweenIn(trx, deps, context, orgId, risk, { type: 'safeguard', id: citation });
  }
  for (const citation of citations.filter((c) => !current.includes(c))) {
    await createLinkIn(trx, deps, context, orgId, {
      from: risk,
      to: { type: 'safeguard', id: citation },
    });
  }
}

/** Adds a risk in a caller's transaction (the guided assessment and the demo add many). */
export async function createRiskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: RiskBody,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const today = await organizationToday(trx, deps.clock, orgId);
  const id = uuidv7();
  const identifiedOn = body.identifiedOn ?? today;
  const defaults: RisksTable = {
    id,
    org_id: orgId,
    number: 0,
    title: body.title,
    description: '',
    status: 'open',
    owner_id: null,
    threat_id: null,
    vulnerability_id: null,
    likelihood: null,
    impact: null,
    inherent_level: null,
    rating_rationale: '',
    treatment: null,
    treatment_plan: '',
    residual_likelihood: null,
    residual_impact: null,
    residual_level: null,
    residual_rationale: '',
    accepted_by: null,
    accepted_on: null,
    acceptance_expires_on: null,
    identified_on: identifiedOn,
    last_reviewed_on: null,
    // 164.316(b)(2)(iii): reviewed periodically; a year unless the team says otherwise.
    next_review_on: addMonths(identifiedOn, 12),
    created_at: now,
    updated_at: now,
  };
  const matrix = await organizationMatrix(trx, orgId);
  const values = await checkedColumns(trx, orgId, matrix, body, defaults, now);
  const row: RisksTable = {
    ...defaults,
    ...values,
    number: await nextReferenceNumber(trx, orgId, 'risk'),
  };
  await insertRisk(trx, row);
  await replaceRiskAssets(trx, orgId, id, [...new Set(body.assetIds ?? [])]);
  await syncControls(trx, deps, context, orgId, id, [...new Set(body.controls ?? [])]);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'risk.created',
    entity: { type: 'risk', id },
    changes: {
      reference: { after: `RISK-${row.number}` },
      title: { after: row.title },
      inherentLevel: { after: row.inherent_level },
      treatment: { after: row.treatment },
    },
  });
  await followAcceptanceIn(trx, deps, context, orgId, defaults, row);
  return id;
}

export async function createRisk(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: RiskBody,
) {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createRiskIn(trx, deps, context, orgId, body));
  return getRisk(deps, orgId, id);
}

export async function changeRisk(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: RiskUpdateBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findRisk(trx, orgId, id);
    if (!before) throw new AppError('not_found', 'No such risk.');
    const matrix = await organizationMatrix(trx, orgId);
    const values = await checkedColumns(
      trx,
      orgId,
      matrix,
      body,
      before,
      deps.clock.now().toISOString(),
    );
    const changes = changesOf(before, values, RISK_AUDIT_FIELDS);
    if (body.assetIds !== undefined) {
      await replaceRiskAssets(trx, orgId, id, [...new Set(body.assetIds)]);
      changes.assetIds = { after: body.assetIds };
    }
    if (body.controls !== undefined) {
      await syncControls(trx, deps, context, orgId, id, [...new Set(body.controls)]);
    }
    if (Object.keys(changes).length === 0) return;
    await updateRisk(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk.changed',
      entity: { type: 'risk', id },
      changes,
    });
    await followAcceptanceIn(trx, deps, context, orgId, before, { ...before, ...values });
    await notifyNewOwnerIn(trx, deps, context, {
      orgId,
      ownerId: values.owner_id,
      previousOwnerId: before.owner_id,
      record: { type: 'risk', id },
      title: `RISK-${before.number} ${values.title ?? before.title}`,
    });
  });
  return getRisk(deps, orgId, id);
}

/** Adds a task to a risk's treatment plan (linked to the risk); answers the risk. */
export async function addPlanTask(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  riskId: string,
  body: RiskPlanTaskBody,
): Promise<Risk> {
  const risk = await getRisk(deps, orgId, riskId);
  // Without a named owner, the plan's task goes to the risk's owner (issue 12).
  await deps.database.db.transaction().execute((trx) =>
    createSystemTaskIn(
      trx,
      deps,
      context,
      orgId,
      {
        title: body.title,
        ownerId: body.ownerId ?? null,
        dueOn: body.dueOn ?? null,
        priority: 'high',
        links: [{ type: 'risk', id: riskId }],
      },
      { recordOwnerId: risk.owner?.id ?? null },
    ),
  );
  return getRisk(deps, orgId, riskId);
}

/** Open risks per cell of the organization's matrix, inherent and residual. */
export async function heatMap(db: Db, orgId: string): Promise<HeatMap> {
  const matrix = await organizationMatrix(db, orgId);
  const grid = async (residual: boolean) => {
    const counts = matrix.likelihood.map(() => matrix.impact.map(() => 0));
    let unrated = 0;
    for (const cell of await countCells(db, orgId, residual)) {
      const row = cell.l === null ? undefined : counts[cell.l];
      if (row && cell.i !== null && row[cell.i] !== undefined) row[cell.i] = Number(cell.n);
      else unrated += Number(cell.n);
    }
    return { counts, unrated };
  };
  const inherent = await grid(false);
  const residual = await grid(true);
  return {
    matrix,
    inherent: inherent.counts,
    residual: residual.counts,
    unrated: inherent.unrated,
  };
}

/** Which register risks name each asset and threat: "RISK-n" by `${assetId} ${threatId}`. */
export async function riskCoverage(db: Db, orgId: string): Promise<Map<string, string[]>> {
  const cover = new Map<string, string[]>();
  for (const row of await riskCover(db, orgId)) {
    const key = `${row.asset_id} ${row.threat_id ?? ''}`;
    cover.set(key, [...(cover.get(key) ?? []), `RISK-${row.number}`]);
  }
  return cover;
}
