import { z } from 'zod';
import { actingAs, demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { completeReview } from './complete';
import { decideItem } from './decide';
import { recordGrant, revokeGrant } from './grants';
import { importAccounts } from './import';
import { createReview } from './reviews';

// The demo clinic's access (issue 15 part 6): grants on the EHR and the billing portal, a
// completed review of the billing portal with its PDF, and an open review of the EHR whose export
// holds an account of a nurse who left before the period and one that matches nobody.
const GRANTS = [
  ['Hosted EHR (practice edition)', 'E-1010', 'Physician', -2900],
  ['Hosted EHR (practice edition)', 'E-1012', 'Clinician', -1150],
  ['Hosted EHR (practice edition)', 'E-1014', 'Clinician', -690],
  ['Hosted EHR (practice edition)', 'E-1019', 'Clinician', -1490],
  ['Billing service portal', 'E-1030', 'Billing manager', -1690],
  ['Billing service portal', 'E-1031', 'Coder', -1090],
  ['Billing service portal', 'E-1032', 'Billing clerk', -630],
  ['Billing service portal', 'C-2003', 'Read only', -28],
] as const;

const EHR_EXPORT = [
  'account,person,access_level,last_login',
  'dwhitfield,dana@riverside-clinic.example,Administrator,2026-11-30',
  'apatel,E-1010,Physician,2026-11-29',
  'lmoreno,Lucia Moreno,Clinician,2026-11-28',
  'ktran,kevin.tran@riverside-clinic.example,Clinician,2026-11-30',
  'ebrooks,Ellen Brooks,Clinician,2026-10-12',
  'locum.temp,Locum (agency),Clinician,2026-09-02',
  'ncastillo,Nina Castillo,Scheduling,2026-11-30',
].join('\n');

const access = demoStep(
  97,
  z.unknown(),
  async ({ deps, context, orgId, today, person, recall }) => {
    const priya = actingAs(context, person('priya'));
    const grantIds = new Map<string, string>();
    for (const [asset, employeeId, level, days] of GRANTS) {
      const grant = await recordGrant(deps, priya, orgId, {
        personId: recall('person', employeeId),
        assetId: recall('asset', asset),
        accessLevel: level,
        justification:
          employeeId === 'C-2003'
            ? 'Coding audit under the Northwind contract, read only.'
            : 'Needed for the role, as the job description sets out.',
        grantedOn: addDays(today, days),
      });
      grantIds.set(`${asset}|${employeeId}`, grant.id);
    }
    // The nurse who left: her EHR grant ended on her last day.
    const ended = grantIds.get('Hosted EHR (practice edition)|E-1019');
    if (ended) await revokeGrant(deps, priya, orgId, ended, { revokedOn: addDays(today, -40) });

    // A completed review of the billing portal, from the recorded grants.
    const billing = await createReview(deps, priya, orgId, {
      assetId: recall('asset', 'Billing service portal'),
      reviewerId: person('priya'),
      periodStart: addDays(today, -100),
      periodEnd: addDays(today, -10),
      dueOn: addDays(today, -3),
      recurrence: 'none',
      source: 'grants',
    });
    for (const item of billing.items) {
      const contractor = item.person?.name === 'Mei Chen';
      await decideItem(deps, priya, orgId, billing.id, item.id, {
        decision: contractor ? 'revoke' : 'keep',
        comment: contractor
          ? 'The coding audit is finished: no further access needed.'
          : 'Still in the role.',
      });
    }
    await completeReview(deps, priya, orgId, billing.id);

    // An open review of the EHR, from the system's own export, due in ten days.
    const ehr = await createReview(deps, priya, orgId, {
      assetId: recall('asset', 'Hosted EHR (practice edition)'),
      reviewerId: person('priya'),
      periodStart: addDays(today, -30),
      periodEnd: addDays(today, -1),
      dueOn: addDays(today, 10),
      recurrence: 'quarterly',
      source: 'csv',
    });
    await importAccounts(
      deps,
      priya,
      orgId,
      ehr.id,
      { contentType: 'text/csv', body: Buffer.from(EHR_EXPORT) },
      'commit',
    );
  },
);

export const accessReviewsDemo = [access];
