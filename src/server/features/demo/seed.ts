import type { Role } from '../../../contracts/roles';
import type { DecisionBody, SafeguardUpdateBody, TaskCreateBody } from '../../../contracts/program';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { addDays, addMonths, todayIn } from '../../platform/time';
import { hashPassword } from '../identity/passwords';
import { claimSetupIfOpen } from '../identity/service/admin';
import { updateProfile } from '../identity/service/profile';
import { createMemberAccount, createOrganizationWithOwner } from '../identity/service/setup';
import { changeSafeguardIn, recordDecision } from '../safeguards/service';
import { completeTask, createTaskIn } from '../tasks/service';

export const DEMO_ORGANIZATION = 'Riverside Family Clinic';
const TIME_ZONE = 'America/Chicago';

const PEOPLE: { key: string; name: string; email: string; role: Role }[] = [
  { key: 'dana', name: 'Dana Whitfield', email: 'dana@riverside-clinic.example', role: 'owner' },
  { key: 'marcus', name: 'Marcus Lee', email: 'marcus@riverside-clinic.example', role: 'admin' },
  {
    key: 'priya',
    name: 'Priya Raman',
    email: 'priya@riverside-clinic.example',
    role: 'security_officer',
  },
  {
    key: 'tom',
    name: 'Tom Alvarez',
    email: 'tom@riverside-clinic.example',
    role: 'privacy_officer',
  },
  { key: 'grace', name: 'Grace Kim', email: 'grace@riverside-clinic.example', role: 'contributor' },
  { key: 'sam', name: 'Sam Ortiz', email: 'sam@riverside-clinic.example', role: 'workforce' },
  { key: 'helen', name: 'Helen Brooks', email: 'helen@brooks-audit.example', role: 'auditor' },
];

type Person = (typeof PEOPLE)[number]['key'];

/** Safeguard records of the demo clinic: [citation, status, owner, statement, review months]. */
const RECORDS: [string, SafeguardUpdateBody['status'], Person, string, number?][] = [
  [
    '164.308(a)(1)',
    'in_progress',
    'priya',
    'The security management process is run by the Security Official with a quarterly security meeting; the risk analysis is being redone this year.',
    12,
  ],
  [
    '164.308(a)(1)(ii)(A)',
    'in_progress',
    'priya',
    "Last year's risk analysis covered the EHR and the billing service; this year adds the patient portal and the Eastside office.",
    12,
  ],
  [
    '164.308(a)(1)(ii)(B)',
    'in_progress',
    'priya',
    'Risks rated high have treatment tasks with owners; medium risks are reviewed quarterly.',
  ],
  [
    '164.308(a)(1)(ii)(C)',
    'implemented',
    'tom',
    'Sanction policy HR-12 sets four levels from retraining to termination; sanctions are recorded in the personnel file.',
    12,
  ],
  [
    '164.308(a)(1)(ii)(D)',
    'in_progress',
    'marcus',
    'EHR access reports are reviewed monthly for VIP and same-surname access; firewall logs weekly.',
    3,
  ],
  [
    '164.308(a)(3)',
    'implemented',
    'dana',
    'Access to ePHI follows the role matrix approved by the practice manager.',
    12,
  ],
  [
    '164.308(a)(3)(ii)(A)',
    'implemented',
    'grace',
    'Nurse managers supervise clinical staff; cleaning staff work only in escorted hours.',
    12,
  ],
  [
    '164.308(a)(3)(ii)(B)',
    'implemented',
    'dana',
    'Licence checks and references before hire; background checks for billing staff.',
    12,
  ],
  [
    '164.308(a)(3)(ii)(C)',
    'implemented',
    'marcus',
    'The termination checklist disables EHR, email and VPN accounts on the last day and collects badges and laptops.',
    12,
  ],
  [
    '164.308(a)(4)',
    'in_progress',
    'marcus',
    "Access requests go through the IT ticket queue with the manager's approval.",
  ],
  [
    '164.308(a)(4)(ii)(B)',
    'implemented',
    'marcus',
    'Managers approve access in the ticket; IT grants the EHR role that matches the job.',
    12,
  ],
  [
    '164.308(a)(4)(ii)(C)',
    'in_progress',
    'marcus',
    'Role changes are handled on request; the first formal access review is scheduled.',
  ],
  [
    '164.308(a)(5)',
    'implemented',
    'tom',
    'Annual security awareness training for all staff, plus a session at hire.',
    12,
  ],
  [
    '164.308(a)(5)(ii)(A)',
    'implemented',
    'priya',
    'A monthly security tip in the staff newsletter; phishing alerts when needed.',
    12,
  ],
  [
    '164.308(a)(5)(ii)(B)',
    'implemented',
    'marcus',
    'Managed antivirus on every workstation; staff report suspicious email with the Report button.',
    12,
  ],
  [
    '164.308(a)(5)(ii)(C)',
    'in_progress',
    'marcus',
    'Failed EHR log-ins lock after five attempts; alerting on repeated failures is being set up.',
  ],
  [
    '164.308(a)(5)(ii)(D)',
    'implemented',
    'marcus',
    'Passphrases of at least 12 characters, no forced rotation, MFA on email and VPN.',
    12,
  ],
  [
    '164.308(a)(6)',
    'implemented',
    'priya',
    'Incident policy SEC-04: report to the Security Official by phone or the incident form.',
    12,
  ],
  [
    '164.308(a)(6)(ii)',
    'implemented',
    'priya',
    'Incidents are logged with timeline and outcome; breach assessment follows 164.402.',
    12,
  ],
  [
    '164.308(a)(7)',
    'in_progress',
    'marcus',
    'Contingency plan drafted; the restore test of the EHR backup is pending.',
  ],
  [
    '164.308(a)(7)(ii)(A)',
    'implemented',
    'marcus',
    'Nightly encrypted backups of the file server to the cloud; the EHR vendor backs up the hosted EHR.',
    12,
  ],
  [
    '164.308(a)(7)(ii)(B)',
    'in_progress',
    'marcus',
    "Recovery steps written for the file server; EHR recovery relies on the vendor's plan.",
  ],
  [
    '164.308(a)(7)(ii)(C)',
    'implemented',
    'grace',
    "Downtime kit with paper forms at each front desk; read-only EHR access from the vendor's portal.",
    12,
  ],
  [
    '164.308(a)(7)(ii)(E)',
    'in_progress',
    'marcus',
    'The EHR, e-prescribing and phones are ranked critical; the rest is being ranked.',
  ],
  ['164.308(a)(8)', 'not_started', 'priya', ''],
  [
    '164.308(b)(1)',
    'implemented',
    'tom',
    'Nine business associates identified: EHR vendor, billing service, cloud backup, shredding company and others.',
    12,
  ],
  [
    '164.308(b)(3)',
    'implemented',
    'tom',
    'Signed BAAs are on file for all nine; two renew this year.',
    12,
  ],
  [
    '164.310(a)(1)',
    'implemented',
    'dana',
    'Badge access to the clinic; the server closet is locked and only IT holds keys.',
    12,
  ],
  [
    '164.310(a)(2)(ii)',
    'implemented',
    'dana',
    'Alarm system, cameras at both entrances, visitors sign in at the front desk.',
    12,
  ],
  [
    '164.310(a)(2)(iii)',
    'in_progress',
    'dana',
    'Badges are issued by role; a review of who holds badges is due.',
  ],
  [
    '164.310(b)',
    'implemented',
    'grace',
    'Workstations face away from waiting areas; screens lock when staff step away.',
    12,
  ],
  [
    '164.310(c)',
    'implemented',
    'marcus',
    'Laptops have cable locks in exam rooms and are locked away at night.',
    12,
  ],
  [
    '164.310(d)(1)',
    'in_progress',
    'marcus',
    'Devices are tracked in the IT spreadsheet; the move to Custos inventory is planned.',
  ],
  [
    '164.310(d)(2)(i)',
    'implemented',
    'marcus',
    'Drives are shredded by the certified vendor; certificates are kept.',
    12,
  ],
  [
    '164.310(d)(2)(ii)',
    'implemented',
    'marcus',
    'Laptops are wiped with the vendor tool before reassignment.',
    12,
  ],
  [
    '164.312(a)(1)',
    'implemented',
    'marcus',
    'EHR roles restrict what each job can see and do.',
    12,
  ],
  [
    '164.312(a)(2)(i)',
    'implemented',
    'marcus',
    'Every staff member has a personal EHR and Windows account; no shared logins.',
    12,
  ],
  [
    '164.312(a)(2)(ii)',
    'in_progress',
    'marcus',
    'A break-glass account exists; the procedure for using it is being written.',
  ],
  [
    '164.312(a)(2)(iii)',
    'implemented',
    'marcus',
    'EHR sessions end after 15 minutes idle; Windows locks after 10.',
    12,
  ],
  [
    '164.312(a)(2)(iv)',
    'implemented',
    'marcus',
    'BitLocker on all laptops and workstations; the EHR is hosted and encrypted by the vendor.',
    12,
  ],
  [
    '164.312(b)',
    'implemented',
    'marcus',
    'The EHR keeps an audit log of every record access; Windows and firewall logs go to the log server.',
    12,
  ],
  [
    '164.312(c)(1)',
    'in_progress',
    'marcus',
    'EHR changes are logged; integrity of the file server is not yet monitored.',
  ],
  [
    '164.312(d)',
    'in_progress',
    'marcus',
    'MFA on email and VPN; the EHR uses passwords only until the vendor enables MFA.',
  ],
  [
    '164.312(e)(1)',
    'implemented',
    'marcus',
    'All systems use TLS; the fax server is the exception and sits on its own network.',
    12,
  ],
  [
    '164.312(e)(2)(i)',
    'implemented',
    'marcus',
    'TLS protects the integrity of transmissions to the EHR and the billing service.',
    12,
  ],
  [
    '164.312(e)(2)(ii)',
    'implemented',
    'marcus',
    'Email to patients goes through the secure portal; TLS for everything else.',
    12,
  ],
  ['164.314(a)(1)', 'implemented', 'tom', 'BAAs follow the HHS sample provisions.', 12],
  [
    '164.314(a)(2)(i)',
    'implemented',
    'tom',
    'Every BAA has the compliance, subcontractor and incident reporting clauses.',
    12,
  ],
  [
    '164.316(a)',
    'in_progress',
    'priya',
    'Eleven of fourteen security policies are approved; three are in draft.',
  ],
  [
    '164.316(b)(1)',
    'implemented',
    'priya',
    'Policies, decisions and assessments are kept in Custos.',
    12,
  ],
  [
    '164.316(b)(2)(i)',
    'implemented',
    'priya',
    'Records are kept six years from when they were last in effect.',
    12,
  ],
  ['164.316(b)(2)(ii)', 'implemented', 'priya', 'Current policies are on the staff intranet.', 12],
];

/** Addressable decisions (164.306(d)(3)) of the demo clinic. */
const DECISIONS: [string, Omit<DecisionBody, 'approvedBy' | 'approvedOn' | 'basis'>][] = [
  ['164.308(a)(3)(ii)(A)', { decision: 'as_specified' }],
  ['164.308(a)(3)(ii)(B)', { decision: 'as_specified' }],
  ['164.308(a)(3)(ii)(C)', { decision: 'as_specified' }],
  ['164.308(a)(5)(ii)(B)', { decision: 'as_specified' }],
  ['164.312(a)(2)(iii)', { decision: 'as_specified' }],
  ['164.312(a)(2)(iv)', { decision: 'as_specified' }],
  [
    '164.312(e)(2)(ii)',
    {
      decision: 'alternative',
      rationale: 'The legacy fax server cannot use TLS for inbound faxes from other practices.',
      alternative:
        'The fax server sits on an isolated network segment; faxes are moved to the EHR over TLS and deleted from the server daily.',
    },
  ],
  [
    '164.310(a)(2)(iv)',
    {
      decision: 'not_reasonable',
      rationale:
        'The clinic leases the building; the landlord keeps the repair records for doors and locks and provides them on request.',
    },
  ],
];

interface Seeded {
  orgId: string;
  password: string;
  people: { name: string; email: string; role: Role }[];
}

/** Seeds the demo clinic through the same services the API uses, so its audit trail is real. */
export async function seedDemo(
  deps: AppDeps,
  context: AuditContext,
  password: string,
): Promise<Seeded> {
  const db = deps.database.db;
  const passwordHash = await hashPassword(password);
  const ids = new Map<Person, string>();
  const orgId = await db.transaction().execute(async (trx) => {
    const [first, ...rest] = PEOPLE;
    if (!first) throw new Error('no demo people');
    const created = await createOrganizationWithOwner(trx, deps.clock, context, {
      orgName: DEMO_ORGANIZATION,
      owner: { name: first.name, email: first.email, passwordHash },
    });
    ids.set(first.key, created.userId);
    for (const person of rest) {
      const accessExpiresAt =
        person.role === 'auditor'
          ? new Date(deps.clock.now().getTime() + 90 * 86_400_000).toISOString()
          : undefined;
      ids.set(
        person.key,
        await createMemberAccount(trx, deps.clock, context, created.orgId, {
          name: person.name,
          email: person.email,
          passwordHash,
          role: person.role,
          ...(accessExpiresAt ? { accessExpiresAt } : {}),
        }),
      );
    }
    await claimSetupIfOpen(trx, deps.clock);
    return created.orgId;
  });
  const id = (key: Person) => ids.get(key) ?? '';
  const today = todayIn(TIME_ZONE, deps.clock.now());

  await updateProfile(deps, context, orgId, {
    entityType: 'provider',
    includesGroupHealthPlan: false,
    includesClearinghouse: false,
    size: '11-50',
    locations: ['Main clinic, 120 River Street', 'Eastside satellite office'],
    timeZone: TIME_ZONE,
    privacyOfficial: { userId: id('tom'), since: addMonths(today, -30) },
  });

  await db.transaction().execute(async (trx) => {
    for (const [citation, status, owner, statement, months] of RECORDS) {
      await changeSafeguardIn(trx, deps, context, orgId, citation, {
        status,
        ownerId: id(owner),
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

  for (const [citation, decision] of DECISIONS) {
    await recordDecision(deps, context, orgId, citation, {
      ...decision,
      approvedBy: id('priya'),
      approvedOn: addMonths(today, -10),
      basis: `Risk analysis ${addMonths(today, -12).slice(0, 4)}, approved by the Security Official`,
    });
  }

  // The Security Official is designated last, on the profile (the first-week step).
  await updateProfile(deps, context, orgId, {
    securityOfficial: { userId: id('priya'), since: addMonths(today, -30) },
  });

  const tasks: (TaskCreateBody & { done?: string })[] = [
    {
      title: "Finish this year's risk analysis",
      ownerId: id('priya'),
      dueOn: addDays(today, 21),
      priority: 'critical',
      links: [{ type: 'safeguard', id: '164.308(a)(1)(ii)(A)' }],
    },
    {
      title: 'Monthly EHR access report review',
      ownerId: id('marcus'),
      dueOn: addDays(today, -3),
      priority: 'high',
      recurrence: { frequency: 'monthly', interval: 1 },
      links: [{ type: 'safeguard', id: '164.308(a)(1)(ii)(D)' }],
    },
    {
      title: 'Quarterly review of user access rights',
      ownerId: id('marcus'),
      dueOn: addDays(today, 10),
      priority: 'high',
      recurrence: { frequency: 'monthly', interval: 3 },
      links: [{ type: 'safeguard', id: '164.308(a)(4)(ii)(C)' }],
    },
    {
      title: 'Restore test of the file server backup',
      ownerId: id('marcus'),
      dueOn: addDays(today, -12),
      priority: 'high',
      links: [{ type: 'safeguard', id: '164.308(a)(7)(ii)(D)' }],
    },
    {
      title: 'Write the break-glass procedure',
      ownerId: id('marcus'),
      dueOn: addDays(today, 30),
      priority: 'medium',
      links: [{ type: 'safeguard', id: '164.312(a)(2)(ii)' }],
    },
    {
      title: 'Ask the EHR vendor for the MFA roll-out date',
      ownerId: id('priya'),
      dueOn: addDays(today, 7),
      priority: 'high',
      links: [{ type: 'safeguard', id: '164.312(d)' }],
    },
    {
      title: 'Approve the three draft security policies',
      ownerId: id('priya'),
      dueOn: addDays(today, 14),
      priority: 'medium',
      links: [{ type: 'safeguard', id: '164.316(a)' }],
    },
    {
      title: 'Plan the annual security evaluation',
      ownerId: id('priya'),
      dueOn: addDays(today, 45),
      priority: 'medium',
      recurrence: { frequency: 'yearly', interval: 1 },
      links: [{ type: 'safeguard', id: '164.308(a)(8)' }],
    },
    {
      title: 'Review badge holders at both locations',
      ownerId: id('dana'),
      dueOn: addDays(today, -1),
      priority: 'medium',
      links: [{ type: 'safeguard', id: '164.310(a)(2)(iii)' }],
    },
    {
      title: 'Complete annual security awareness training',
      ownerId: id('sam'),
      dueOn: addDays(today, 5),
      priority: 'medium',
      links: [{ type: 'safeguard', id: '164.308(a)(5)' }],
    },
    {
      title: 'Send the monthly security tip',
      ownerId: id('priya'),
      dueOn: addDays(today, -35),
      priority: 'low',
      recurrence: { frequency: 'monthly', interval: 1 },
      links: [{ type: 'safeguard', id: '164.308(a)(5)(ii)(A)' }],
      done: 'Sent: "Spotting fake invoice emails".',
    },
    {
      title: 'Renew the cloud backup BAA',
      ownerId: id('tom'),
      dueOn: addDays(today, 60),
      priority: 'low',
      links: [{ type: 'safeguard', id: '164.308(b)(3)' }],
    },
    {
      title: 'Set up alerts for repeated failed log-ins',
      ownerId: id('grace'),
      dueOn: null,
      priority: 'low',
      links: [{ type: 'safeguard', id: '164.308(a)(5)(ii)(C)' }],
    },
  ];
  for (const { done, ...task } of tasks) {
    const taskId = await db
      .transaction()
      .execute((trx) => createTaskIn(trx, deps, context, orgId, task));
    if (done) {
      await completeTask(
        deps,
        context,
        orgId,
        { userId: task.ownerId ?? '', seesAll: true },
        taskId,
        { note: done },
      );
    }
  }
  return {
    orgId,
    password,
    people: PEOPLE.map(({ name, email, role }) => ({ name, email, role })),
  };
}
