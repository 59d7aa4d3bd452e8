import { z } from 'zod';
import type { IncidentStatus } from '../../../contracts/incidents-schemas';
import { demoStep } from '../../platform/demo';
import {
  as,
  daysAgo,
  determine,
  faxSteps,
  laptopSteps,
  phishingSteps,
  ransomwareSteps,
} from './demo-breaches';
import { reportProblem } from './reporting';
import { addTimelineEntry, applyChecklist, changeIncidentStatus, reviewIncident } from './response';
import { changeIncident, createIncident } from './service';

// The demo clinic's incidents (issue 16 part 7), one in every status: a phishing email that was
// not an incident; a phishing sign-in closed as not a breach (four factors, approved); a stolen
// encrypted laptop (secured, not a breach); a misdirected fax of 12 patients (a breach on the
// yearly log); an open ransomware breach of 1,200 patients in two States, its deadlines running;
// a badge still working, a USB stick in triage and a fresh report. Dates relative to the demo's
// today. Kept here rather than in content/demo, so the feature stays in its folder.

const incidents = demoStep(96, z.unknown(), async (clinic) => {
  const { deps, orgId } = clinic;
  const sam = as(clinic, 'sam');
  const priya = as(clinic, 'priya');
  const move = async (id: string, ...statuses: IncidentStatus[]) => {
    for (const status of statuses) await changeIncidentStatus(deps, priya, orgId, id, { status });
  };
  const record = (
    body: Omit<Parameters<typeof createIncident>[3], 'ownerId'>,
    discoveredDaysAgo: number,
  ) =>
    createIncident(
      deps,
      priya,
      orgId,
      {
        ...body,
        discoveredAt: daysAgo(clinic, discoveredDaysAgo),
        ownerId: clinic.person('priya'),
      },
      clinic.person('priya'),
    );
  const review = (id: string, rootCause: string, lessons: string, action?: string) =>
    reviewIncident(deps, priya, orgId, id, {
      rootCause,
      lessons,
      ...(action ? { correctiveActions: [{ title: action }] } : {}),
    });

  const phishing = await reportProblem(deps, sam, orgId, {
    title: 'Email asking me to confirm my payroll password',
    whatHappened:
      'An email "from HR" asked me to sign in to a payroll page. I did not click the link.',
    system: 'Outlook on front desk PC 2',
  });
  await changeIncident(deps, priya, orgId, phishing.id, { category: 'phishing', severity: 1 });
  await move(phishing.id, 'triage');
  await addTimelineEntry(deps, priya, orgId, phishing.id, {
    kind: 'decision',
    text: 'No link was clicked and no password entered; the mail filter now blocks the sender.',
  });
  await changeIncidentStatus(deps, priya, orgId, phishing.id, {
    status: 'not_an_incident',
    note: 'A blocked attempt, recorded for the phishing trend.',
  });

  const signIn = await record(
    {
      title: 'Billing clerk entered her password on a fake sign-in page',
      description: 'A link in an "invoice" email led to a copy of the Microsoft sign-in page.',
      category: 'phishing',
      severity: 2,
    },
    75,
  );
  await move(signIn.id, 'triage', 'contained', 'recovered');
  await determine(clinic, signIn.id, phishingSteps(clinic), 'MFA held; no mail was read.');
  await review(
    signIn.id,
    'A convincing fake invoice.',
    'MFA did its job; keep the phishing drills.',
  );
  await move(signIn.id, 'closed');

  const laptop = await record(
    {
      title: 'Physician laptop stolen from a car',
      description: 'Dr. Okafor’s clinic laptop was taken from her locked car overnight.',
      category: 'lost_device',
      severity: 2,
      assetIds: [clinic.recall('asset', 'Physician laptops (6)')],
    },
    30,
  );
  await move(laptop.id, 'triage');
  await addTimelineEntry(deps, priya, orgId, laptop.id, {
    kind: 'evidence',
    text: 'Device management shows BitLocker on, recovery key held only in the tenant.',
  });
  await move(laptop.id, 'contained', 'recovered');
  await determine(clinic, laptop.id, laptopSteps(clinic), 'Encrypted: secured PHI.');
  await review(
    laptop.id,
    'A laptop left in a car overnight.',
    'Remind clinicians never to leave devices in cars.',
    'Add device handling to the next security reminder',
  );
  await move(laptop.id, 'closed');

  const fax = await record(
    {
      title: 'Lab results faxed to a wrong number',
      description: 'A fax of 12 patients’ lab results went to a local business, not the lab.',
      category: 'misdirected_communication',
      severity: 2,
    },
    40,
  );
  await move(fax.id, 'triage', 'contained', 'recovered');
  await determine(clinic, fax.id, faxSteps(clinic), 'Letters sent; on this year’s log.');

  const ransomware = await record(
    {
      title: 'Ransomware on the file server',
      description: 'Files on the shared drive renamed with a .lock extension; a ransom note found.',
      category: 'malware',
      // The top level: the risk analysis's significant-change task is raised for it.
      severity: 4,
      assetIds: [clinic.recall('asset', 'File server')],
    },
    50,
  );
  await move(ransomware.id, 'triage');
  await applyChecklist(deps, priya, orgId, ransomware.id);
  await addTimelineEntry(deps, priya, orgId, ransomware.id, {
    kind: 'call',
    text: 'Called the IT provider; they isolated the server from the network.',
  });
  await move(ransomware.id, 'contained', 'eradicated');
  await determine(clinic, ransomware.id, ransomwareSteps(clinic), 'Counsel agrees: notify.');

  const badge = await record(
    {
      title: 'Former employee’s badge still opened the back door',
      category: 'unauthorized_access',
    },
    3,
  );
  await move(badge.id, 'triage', 'contained');

  const usb = await record(
    { title: 'USB stick found in the waiting room', category: 'other', severity: 1 },
    1,
  );
  await move(usb.id, 'triage');

  await reportProblem(deps, sam, orgId, {
    title: 'Pop-up saying the front desk PC is infected',
    whatHappened: 'A window asked me to call a support number. I closed the browser.',
    system: 'Front desk PC 1',
  });
});

export const incidentsDemo = [incidents];
