import type { PortalFact } from '../../../contracts/breach-notice-schemas';
import type { IncidentCategory } from '../../../contracts/incidents-schemas';
import type { AppDeps } from '../../platform/deps';
import { dateWord } from '../../platform/words';
import { stepsOf } from './breach-presenter';
import { approvedBreachOf } from './breach-notices';
import { listNotices } from './breach-notices-repository';
import { stateName } from './breach-tasks';
import { getIncident } from './service';

// What the HHS breach portal asks for (164.408, to be checked), laid out for copying. The field
// list is our reading of the portal's form and is to be checked against the portal itself.

/** The portal's type of breach suggested by the incident's category (a person confirms it). */
const PORTAL_TYPES: Record<IncidentCategory, string> = {
  malware: 'Hacking/IT incident',
  phishing: 'Hacking/IT incident',
  lost_device: 'Loss or theft (choose the one that applies)',
  unauthorized_access: 'Unauthorized access/disclosure',
  insider_misuse: 'Unauthorized access/disclosure',
  misdirected_communication: 'Unauthorized access/disclosure',
  system_outage: 'Other',
  vendor_incident: 'Other',
  other: 'Other',
};

const TO_FILL = 'Not recorded in Custos: to fill in.';
const or = (value: string | null | undefined) => (value?.trim() ? value : TO_FILL);

/** The portal's facts of an incident, each with its label and value as text. */
export async function breachPortalFacts(
  deps: AppDeps,
  orgId: string,
  incidentId: string,
): Promise<{ data: PortalFact[] }> {
  const db = deps.database.db;
  const incident = await getIncident(deps, orgId, incidentId);
  const breach = await approvedBreachOf(db, orgId, incidentId);
  const steps = breach ? stepsOf(breach.row) : null;
  const notices = await listNotices(db, orgId, incidentId);
  const dates = (kinds: string[], withState = false) => {
    const list = notices
      .filter((n) => kinds.includes(n.kind))
      .map(
        (n) => `${dateWord(n.sent_on)}${withState && n.state ? ` (${stateName(n.state)})` : ''}`,
      );
    return list.length > 0 ? list.join('; ') : 'None recorded yet';
  };
  const location = [incident.system, ...incident.assets.map((a) => a.name)].filter(Boolean);
  const actions = [steps?.factors?.mitigation.rationale, incident.review?.lessons].filter(Boolean);
  const facts: [string, string, string][] = [
    [
      'breachStart',
      'Date of breach',
      or(steps?.facts ? dateWord(steps.facts.breachOccurredOn) : null),
    ],
    ['discovered', 'Date of discovery', or(breach ? dateWord(breach.row.discovered_on) : null)],
    [
      'affected',
      'Approximate number of individuals affected',
      or(breach ? String(breach.input.affectedTotal) : null),
    ],
    ['type', 'Type of breach', PORTAL_TYPES[incident.category]],
    ['location', 'Location of breached information', or(location.join(', '))],
    ['phi', 'Type of protected health information involved', or(steps?.factors?.nature.rationale)],
    ['description', 'Brief description of the breach', or(incident.description || incident.title)],
    ['safeguards', 'Safeguards in place prior to the breach', or(steps?.phi?.rationale)],
    ['actions', 'Actions taken in response', or(actions.join(' '))],
    ['businessAssociate', 'Business associate involved', incident.businessAssociate || 'None'],
    [
      'individualNotice',
      'Date(s) individual notice provided',
      dates(['individual_mail', 'individual_email']),
    ],
    [
      'substituteNotice',
      'Date(s) substitute notice provided',
      dates(['substitute_web', 'substitute_media']),
    ],
    ['mediaNotice', 'Date(s) media notice provided', dates(['media'], true)],
  ];
  return { data: facts.map(([key, label, value]) => ({ key, label, value })) };
}
