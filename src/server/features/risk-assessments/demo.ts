import { z } from 'zod';
import { FLOW_ENCRYPTION } from '../../../contracts/assets';
import { RISK_STATUSES, TREATMENTS, type RiskBody } from '../../../contracts/risks';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { demoStep, type DemoClinic } from '../../platform/demo';
import { addDays, addMonths } from '../../platform/time';
import { createFlowIn } from '../assets/flows';
import { approveAssessment } from './approve-assessment';
import { changeAssessment, createAssessment } from './service';
import { moveAssessment } from './move-assessment';
import { judgeNegligible } from './negligible';
import { acceptRiskIn } from '../risks/acceptance';
import { changeRisk, createRiskIn } from '../risks/service';
import { createTaskIn } from '../tasks/service';
import type { Transaction } from 'kysely';

const Index = z.number().int().min(0).max(4);
const DemoRisk = z.object({
  title: z.string(),
  assets: z.array(z.string()),
  threat: z.string(),
  vulnerability: z.string(),
  controls: z.array(z.string()),
  owner: z.string(),
  likelihood: Index,
  impact: Index,
  rationale: z.string(),
  treatment: z.enum(TREATMENTS),
  plan: z.string(),
  residual: z.tuple([Index, Index]).optional(),
  residualRationale: z.string().optional(),
  tasks: z
    .array(z.object({ title: z.string(), owner: z.string(), dueInDays: z.number().int() }))
    .optional(),
  accept: z.object({ by: z.string(), monthsAhead: z.number().int() }).optional(),
  later: z
    .object({
      status: z.enum(RISK_STATUSES).optional(),
      likelihood: Index.optional(),
      impact: Index.optional(),
      rationale: z.string().optional(),
    })
    .optional(),
});
type DemoRisk = z.infer<typeof DemoRisk>;
const Participant = z.object({ name: z.string(), role: z.string() });

const RiskAnalysisDemoSchema = z.object({
  flows: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      ephi: z.string(),
      protocol: z.string(),
      encrypted: z.enum(FLOW_ENCRYPTION),
      external: z.boolean(),
    }),
  ),
  risks: z.array(DemoRisk),
  added: z.array(DemoRisk),
  previous: z.object({
    title: z.string(),
    monthsAgo: z.number().int(),
    participants: z.array(Participant),
    note: z.string(),
  }),
  negligible: z.array(z.object({ asset: z.string(), threat: z.string(), reason: z.string() })),
  current: z.object({ title: z.string() }),
});
type RiskAnalysisDemo = z.infer<typeof RiskAnalysisDemoSchema>;

/**
 * The demo clinic's risk analysis: data flows, a register, an assessment approved last year (with
 * its stored report, its negligible pairs and the gaps it acknowledged) and this year's draft
 * started from it, with the changes since.
 */
async function seedRiskAnalysis(clinic: DemoClinic, data: RiskAnalysisDemo): Promise<void> {
  const { deps, context, orgId, today, person } = clinic;
  const asset = (name: string) => clinic.recall('asset', name);
  const db = deps.database.db;
  // Last year's work is recorded with last year's dates.
  const then = addMonths(today, -data.previous.monthsAgo);
  const at = (date: string) => ({ ...deps, clock: { now: () => new Date(`${date}T16:00:00Z`) } });
  const past = at(then);
  const officer: AuditContext = {
    ...context,
    actor: { type: 'user', id: person('priya'), label: 'demo' },
  };

  const body = (risk: z.infer<typeof DemoRisk>, identifiedOn: string): RiskBody => ({
    title: risk.title,
    assetIds: risk.assets.map(asset),
    threatId: risk.threat,
    vulnerabilityId: risk.vulnerability,
    controls: risk.controls,
    ownerId: person(risk.owner),
    likelihood: risk.likelihood,
    impact: risk.impact,
    ratingRationale: risk.rationale,
    treatment: risk.treatment,
    treatmentPlan: risk.plan,
    identifiedOn,
    ...(risk.residual
      ? {
          residualLikelihood: risk.residual[0],
          residualImpact: risk.residual[1],
          residualRationale: risk.residualRationale ?? '',
        }
      : {}),
  });
  // Who approved is who acted: the approver accepts the risk with a request of their own.
  const acceptIn = async (
    trx: Transaction<Database>,
    demoDeps: AppDeps,
    riskId: string,
    accept: DemoRisk['accept'],
  ) => {
    if (!accept) return;
    const approver: AuditContext = {
      ...context,
      actor: { type: 'user', id: person(accept.by), label: 'demo' },
    };
    await acceptRiskIn(trx, demoDeps, approver, orgId, riskId, {
      expiresOn: addMonths(today, accept.monthsAhead),
    });
  };

  const riskIds = await db.transaction().execute(async (trx) => {
    for (const flow of data.flows) {
      await createFlowIn(trx, past, context, orgId, {
        ...flow,
        fromAssetId: asset(flow.from),
        toAssetId: asset(flow.to),
      });
    }
    const created: string[] = [];
    for (const risk of data.risks) {
      const riskId = await createRiskIn(trx, past, context, orgId, body(risk, then));
      await acceptIn(trx, past, riskId, risk.accept);
      created.push(riskId);
      clinic.remember('risk', risk.title, riskId);
      for (const task of risk.tasks ?? []) {
        await createTaskIn(trx, deps, context, orgId, {
          title: task.title,
          ownerId: person(task.owner),
          dueOn: addDays(today, task.dueInDays),
          priority: 'high',
          links: [{ type: 'risk', id: riskId }],
        });
      }
    }
    return created;
  });

  const previous = await createAssessment(at(addDays(then, -30)), officer, orgId, {
    title: `${data.previous.title} ${then.slice(0, 4)}`,
    participants: data.previous.participants,
    startsOn: addDays(then, -30),
    endsOn: then,
  });
  for (const pair of data.negligible) {
    await judgeNegligible(at(addDays(then, -10)), officer, orgId, previous.id, {
      assetId: asset(pair.asset),
      threatId: pair.threat,
      reason: pair.reason,
    });
  }
  // Last year's analysis left pairs open, as a first one does: acknowledged on submission and
  // approval, and printed in its report.
  await moveAssessment(at(addDays(then, -3)), officer, orgId, previous.id, 'in_review', true);
  // The practice's owner approves what the Security Official submitted (four eyes).
  const management: AuditContext = {
    ...context,
    actor: { type: 'user', id: person('dana'), label: 'demo' },
  };
  await approveAssessment(past, management, orgId, previous.id, data.previous.note, true);

  // What changed since: one risk rerated, one closed, one new.
  for (const [index, risk] of data.risks.entries()) {
    const riskId = riskIds[index];
    if (!risk.later || !riskId) continue;
    await changeRisk(deps, context, orgId, riskId, {
      ...(risk.later.status ? { status: risk.later.status } : {}),
      ...(risk.later.likelihood !== undefined ? { likelihood: risk.later.likelihood } : {}),
      ...(risk.later.impact !== undefined ? { impact: risk.later.impact } : {}),
      ...(risk.later.rationale ? { ratingRationale: risk.later.rationale } : {}),
      lastReviewedOn: today,
    });
  }
  await db.transaction().execute(async (trx) => {
    for (const risk of data.added) {
      const riskId = await createRiskIn(trx, deps, context, orgId, body(risk, addDays(today, -40)));
      await acceptIn(trx, deps, riskId, risk.accept);
    }
  });
  // The Security Official starts this year's update, as she did last year's.
  const current = await createAssessment(deps, officer, orgId, { basedOnId: previous.id });
  await changeAssessment(deps, officer, orgId, current.id, {
    title: `${data.current.title} ${today.slice(0, 4)}`,
  });
}

/** The risk analysis, after the inventory and the tasks it names. */
export const riskAssessmentsDemo = [
  demoStep(70, z.object({ riskAnalysis: RiskAnalysisDemoSchema }), (clinic, data) =>
    seedRiskAnalysis(clinic, data.riskAnalysis),
  ),
];
