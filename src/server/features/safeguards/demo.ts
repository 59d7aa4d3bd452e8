import { z } from 'zod';
import { DECISIONS, SAFEGUARD_STATUSES } from '../../../contracts/safeguards';
import type { AuditContext } from '../../platform/audit/append';
import { demoStep } from '../../platform/demo';
import { addDays, addMonths } from '../../platform/time';
import { newEvidenceRowIn } from '../evidence/service';
import { createLinkIn } from '../links/service';
import { recordDecision } from './record-decision';
import { changeSafeguardIn } from './service';

const Records = z.object({
  records: z.array(
    z.object({
      requirement: z.string(),
      status: z.enum(SAFEGUARD_STATUSES),
      owner: z.string(),
      statement: z.string(),
      reviewMonths: z.number().int().optional(),
    }),
  ),
});

/** The clinic's safeguard records; two reviews late, and the items that do not apply to it. */
const records = demoStep(20, Records, async ({ deps, context, orgId, today, person }, data) => {
  await deps.database.db.transaction().execute(async (trx) => {
    for (const { requirement, status, owner, statement, reviewMonths: months } of data.records) {
      await changeSafeguardIn(trx, deps, context, orgId, requirement, {
        status,
        ownerId: person(owner),
        statement,
        ...(months
          ? { reviewIntervalMonths: months, nextReviewOn: addMonths(today, months - 2) }
          : {}),
      });
    }
    // Two reviews fell behind, and the rule lets a provider mark two items not applicable.
    await changeSafeguardIn(trx, deps, context, orgId, '164.310(a)(2)(ii)', {
      nextReviewOn: addDays(today, -20),
    });
    await changeSafeguardIn(trx, deps, context, orgId, '164.308(a)(5)(ii)(A)', {
      nextReviewOn: addDays(today, -5),
    });
    for (const citation of [
      '164.308(a)(4)(ii)(A)',
      '164.314(b)(1)',
      '164.314(b)(2)(i)',
      '164.314(b)(2)(ii)',
      '164.314(b)(2)(iii)',
      '164.314(b)(2)(iv)',
    ]) {
      await changeSafeguardIn(trx, deps, context, orgId, citation, {
        status: 'not_applicable',
        statement: citation.startsWith('164.314')
          ? 'The clinic is not a group health plan and sponsors none.'
          : 'The clinic has no health care clearinghouse function.',
      });
    }
  });
});

const Decisions = z.object({
  decisions: z.array(
    z.object({
      requirement: z.string(),
      decision: z.enum(DECISIONS),
      rationale: z.string().optional(),
      alternative: z.string().optional(),
    }),
  ),
});

/** The Security Official records her own decisions: the approver is who acts. */
const decisions = demoStep(30, Decisions, async (clinic, data) => {
  const officer: AuditContext = {
    ...clinic.context,
    actor: { type: 'user', id: clinic.person('priya'), label: 'demo' },
  };
  for (const { requirement, ...decision } of data.decisions) {
    await recordDecision(clinic.deps, officer, clinic.orgId, requirement, {
      ...decision,
      approvedOn: addMonths(clinic.today, -10),
      basis: `Risk analysis ${addMonths(clinic.today, -12).slice(0, 4)}, approved by the Security Official`,
    });
  }
});

const Evidence = z.object({
  evidence: z.array(z.object({ requirement: z.string(), label: z.string(), url: z.string() })),
});

/** Evidence: items of kind link (where the proof lives), linked from their safeguards; the official keeps them. */
const evidence = demoStep(45, Evidence, async ({ deps, context, orgId, person }, data) => {
  await deps.database.db.transaction().execute(async (trx) => {
    for (const { requirement, label, url } of data.evidence) {
      const item = await newEvidenceRowIn(trx, deps, context, orgId, {
        kind: 'link',
        title: label,
        url,
        owner_id: person('priya'),
      });
      await createLinkIn(trx, deps, context, orgId, {
        from: { type: 'safeguard', id: requirement },
        to: { type: 'evidence', id: item.id },
      });
    }
  });
});

export const safeguardsDemo = [records, decisions, evidence];
