import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/append';
import { demoStep, type DemoClinic } from '../../platform/demo';
import { reportProblem } from './reporting';
import { addTimelineEntry, applyChecklist, changeIncidentStatus, reviewIncident } from './response';
import { changeIncident, createIncident } from './service';

// The demo clinic's incidents (issue 16 part 7, before determinations exist): a phishing report
// closed as not an incident, a lost encrypted laptop closed after its review, an open ransomware
// incident, and a fresh report waiting for triage. Kept here rather than in content/demo, so the
// feature stays in its folder.

function as(clinic: DemoClinic, key: string): AuditContext {
  return { ...clinic.context, actor: { type: 'user', id: clinic.person(key), label: key } };
}

const incidents = demoStep(96, z.unknown(), async (clinic) => {
  const { deps, orgId } = clinic;
  const sam = as(clinic, 'sam');
  const priya = as(clinic, 'priya');
  const move = async (id: string, ...statuses: ('triage' | 'contained' | 'recovered')[]) => {
    for (const status of statuses) await changeIncidentStatus(deps, priya, orgId, id, { status });
  };

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

  const laptop = await createIncident(
    deps,
    priya,
    orgId,
    {
      title: 'Physician laptop stolen from a car',
      description: 'Dr. Okafor’s clinic laptop was taken from her locked car overnight.',
      category: 'lost_device',
      severity: 2,
      assetIds: [clinic.recall('asset', 'Physician laptops (6)')],
      ownerId: clinic.person('priya'),
    },
    clinic.person('priya'),
  );
  await move(laptop.id, 'triage');
  await addTimelineEntry(deps, priya, orgId, laptop.id, {
    kind: 'evidence',
    text: 'Device management shows BitLocker on, recovery key held only in the tenant.',
  });
  await move(laptop.id, 'contained', 'recovered');
  await reviewIncident(deps, priya, orgId, laptop.id, {
    rootCause: 'A laptop left in a car overnight.',
    whatWorked: 'Full-disk encryption and remote wipe.',
    lessons: 'Remind clinicians never to leave devices in cars.',
    correctiveActions: [{ title: 'Add device handling to the next security reminder' }],
  });
  await changeIncidentStatus(deps, priya, orgId, laptop.id, { status: 'closed' });

  const ransomware = await createIncident(
    deps,
    priya,
    orgId,
    {
      title: 'Ransomware on the file server',
      description: 'Files on the shared drive renamed with a .lock extension; a ransom note found.',
      category: 'malware',
      severity: 4,
      assetIds: [clinic.recall('asset', 'File server')],
      ownerId: clinic.person('priya'),
    },
    clinic.person('priya'),
  );
  await move(ransomware.id, 'triage');
  await applyChecklist(deps, priya, orgId, ransomware.id);
  await addTimelineEntry(deps, priya, orgId, ransomware.id, {
    kind: 'call',
    text: 'Called the IT provider; they isolated the server from the network.',
  });
  await move(ransomware.id, 'contained');

  await reportProblem(deps, sam, orgId, {
    title: 'Pop-up saying the front desk PC is infected',
    whatHappened: 'A window asked me to call a support number. I closed the browser.',
    system: 'Front desk PC 1',
  });
});

export const incidentsDemo = [incidents];
