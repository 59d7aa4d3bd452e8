import { z } from 'zod';
import { CLEARANCE_OUTCOMES, PERSON_KINDS } from '../../../contracts/people-schemas';
import { demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { insertDepartments } from './department-repository';
import { newDepartmentRow } from './departments';
import { createPersonIn } from './service';

// The demo clinic's roster, kept here rather than in content/demo so that the feature stays in its
// folder. Dates are days from today; a manager is named by employee id and listed before reports.
const DEPARTMENTS = [
  'Administration',
  'Clinical',
  'Front desk',
  'Billing',
  'IT',
  'Volunteers',
] as const;
// employee id | name | kind | department | job role | manager | start | end (days from today) |
// clearance | demo account
const ROSTER = `
E-1001|Dana Whitfield|employee|Administration|Practice owner||-3650||cleared|dana
E-1002|Marcus Lee|employee|Administration|Office manager|E-1001|-2900||cleared|marcus
E-1003|Priya Raman|employee|IT|IT lead and Security Official|E-1001|-2100||cleared|priya
E-1004|Tom Alvarez|employee|Administration|Privacy Official|E-1001|-1800||cleared|tom
E-1005|Grace Kim|employee|Clinical|Head nurse|E-1001|-2500||cleared|grace
E-1006|Sam Ortiz|employee|Front desk|Front desk lead|E-1002|-900||cleared|sam
E-1010|Dr. Ana Patel|employee|Clinical|Physician|E-1001|-3000||cleared|
E-1011|Dr. Ben Okafor|employee|Clinical|Physician|E-1001|-1400||cleared|
E-1012|Lucia Moreno|employee|Clinical|Nurse practitioner|E-1005|-1200||cleared|
E-1013|Hannah Schultz|employee|Clinical|Registered nurse|E-1005|-1000||cleared|
E-1014|Kevin Tran|employee|Clinical|Registered nurse|E-1005|-700||cleared|
E-1015|Maya Johnson|employee|Clinical|Medical assistant|E-1005|-600||cleared|
E-1016|Omar Haddad|employee|Clinical|Medical assistant|E-1005|-450||cleared|
E-1017|Rachel Green|employee|Clinical|Phlebotomist|E-1005|-380||cleared|
E-1018|Victor Nguyen|employee|Clinical|Radiology technician|E-1005|-820||cleared|
E-1019|Ellen Brooks|employee|Clinical|Registered nurse|E-1005|-1500|-40|cleared|
E-1020|Nina Castillo|employee|Front desk|Receptionist|E-1006|-520||cleared|
E-1021|Paul Fischer|employee|Front desk|Receptionist|E-1006|-300||cleared|
E-1022|Sofia Rossi|employee|Front desk|Scheduler|E-1006|-260||cleared|
E-1023|Liam Walsh|employee|Front desk|Scheduler|E-1006|-150||cleared|
E-1024|Aisha Bello|employee|Front desk|Receptionist|E-1006|7||pending|
E-1025|Owen Kelly|employee|Front desk|Receptionist|E-1006|-400||cleared|
E-1030|Daniel Cohen|employee|Billing|Billing manager|E-1002|-1700||cleared|
E-1031|Julia Santos|employee|Billing|Medical coder|E-1030|-1100||cleared|
E-1032|Ravi Mehta|employee|Billing|Billing specialist|E-1030|-640||cleared|
E-1033|Chloe Martin|employee|Billing|Claims specialist|E-1030|-330||cleared|
E-1034|Ethan Park|employee|Billing|Billing specialist|E-1030|-95||waived|
E-1040|Isabel Turner|employee|IT|Systems administrator|E-1003|-760||cleared|
C-2001|Jordan Blake|contractor|IT|EHR integration engineer (Northwind IT)|E-1003|-200||cleared|
C-2002|Felix Wagner|contractor|IT|Network technician|E-1003|-60||cleared|
C-2003|Mei Chen|contractor|Billing|Coding auditor|E-1030|-30||pending|
C-2004|Samuel Price|contractor|Clinical|Locum physician|E-1001|-14||not_cleared|
T-3001|Zoe Adams|trainee|Clinical|Nursing trainee|E-1013|-45|120|cleared|
T-3002|Noah Rivera|trainee|Billing|Billing trainee|E-1031|-20|160|cleared|
S-4001|Ava Thompson|student|Clinical|Medical student (rotation)|E-1010|-10|50|cleared|
S-4002|Lucas Brown|student|Clinical|Nursing student|E-1013|3|90|pending|
V-5001|Margaret Hill|volunteer|Volunteers|Greeter|E-1002|-1300||cleared|
V-5002|George Evans|volunteer|Volunteers|Patient escort|E-1002|-500||cleared|
V-5003|Priscilla Young|volunteer|Volunteers|Patient escort|E-1002|-220||waived|
V-5004|Henry Scott|volunteer|Volunteers|Greeter|E-1002|-80|||
`;

const Entry = z.tuple([
  z.string(),
  z.string(),
  z.enum(PERSON_KINDS),
  z.enum(DEPARTMENTS),
  z.string(),
  z.string(),
  z.coerce.number().int(),
  z.string(),
  z.union([z.enum(CLEARANCE_OUTCOMES), z.literal('')]),
  z.string(),
]);
const ENTRIES = ROSTER.trim()
  .split('\n')
  .map((line) => Entry.parse(line.split('|')));

const email = (name: string) =>
  `${name
    .replace(/^Dr\. /, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@riverside-clinic.example`;

const roster = demoStep(
  25,
  z.unknown(),
  async ({ deps, context, orgId, today, person, remember }) => {
    const now = deps.clock.now().toISOString();
    const departments = DEPARTMENTS.map((name) => newDepartmentRow(orgId, name, now));
    const departmentId = new Map(departments.map((d) => [d.name, d.id]));
    await deps.database.db.transaction().execute(async (trx) => {
      await insertDepartments(trx, departments);
      const ids = new Map<string, string>();
      for (const entry of ENTRIES) {
        const [employeeId, name, kind, dept, jobRole, manager, start, endText, outcome, account] =
          entry;
        const managerId = ids.get(manager) ?? null;
        const end = endText === '' ? null : Number(endText);
        const clearance = outcome === '' ? null : outcome;
        const id = await createPersonIn(trx, deps, context, orgId, {
          kind,
          name,
          email: account
            ? `${account}@riverside-clinic.example`
            : kind === 'contractor' || kind === 'volunteer'
              ? null
              : email(name),
          employeeId,
          jobRole,
          departmentId: departmentId.get(dept) ?? null,
          managerId,
          location: dept === 'Billing' ? 'Eastside office' : 'Main clinic',
          startDate: addDays(today, start),
          endDate: end === null ? null : addDays(today, end),
          clearanceOutcome: clearance,
          clearanceDate:
            clearance === null || clearance === 'pending' ? null : addDays(today, start - 10),
          clearanceNote:
            clearance === 'not_cleared'
              ? 'Licence verification came back with a lapse; not to reach ePHI until resolved.'
              : clearance === 'waived'
                ? 'Waived: no access to ePHI in this role (reviewed by the Security Official).'
                : '',
          authorizationNote:
            kind === 'volunteer' ? 'No system accounts; no access to records.' : '',
          supervisionNote:
            kind === 'trainee' || kind === 'student'
              ? 'Works under a named supervisor at all times.'
              : '',
          userId: account ? person(account) : null,
        });
        ids.set(employeeId, id);
        // Later workforce steps name people by employee id (the ended nurse's termination).
        remember('person', employeeId, id);
      }
    });
  },
);

export const peopleDemo = [roster];
