import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BreachLetter } from '../../../contracts/breach-determination-schemas';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { packageRoot } from '../../platform/package-info';
import { findPeopleNames } from '../../platform/people-repository';
import { dateWord } from '../../platform/words';
import { renderDocumentFile } from '../documents/exports';
import { getProfile } from '../organizations/service/profile';
import { keepRecordIn } from '../retention/service';
import { findLetter, latestDetermination, upsertLetter } from './breach-repository';
import { stepsOf } from './breach-presenter';
import { foundIncident } from './common';
import { reference } from './presenter';
import type { IncidentRow } from './repository';

// The individual notice letter (164.404(c) as the issue states it, to be checked): what happened
// with its dates, the kinds of PHI, what people should do, what the organization is doing, and
// how to reach it (toll-free number, email, website or postal address). Drawn from our own
// template (content/breach/individual-notice.md) and the determination; the organization edits
// it, and the edited text is kept.

const templates = new Map<string, string>();

/** A template of content/breach, read once. */
export function breachTemplate(name: 'individual-notice' | 'media-notice'): string {
  let text = templates.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(packageRoot(), `content/breach/${name}.md`), 'utf8');
    templates.set(name, text);
  }
  return text;
}
const letterTemplate = () => breachTemplate('individual-notice');

/** The template with every {{name}} filled; a name without a value stays as a [bracket] to edit. */
export function fillLetter(text: string, values: Record<string, string | null>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    return value === null || value === undefined || value === ''
      ? `[${name.replace(/([A-Z])/g, ' $1').toLowerCase()}]`
      : value;
  });
}

/** The values the individual letter and the media notice share, from the incident and determination. */
export async function noticeValuesOf(
  deps: AppDeps,
  orgId: string,
  incident: IncidentRow,
): Promise<Record<string, string | null>> {
  const db = deps.database.db;
  const row = await latestDetermination(db, orgId, incident.id);
  const steps = row ? stepsOf(row) : null;
  const profile = await getProfile(deps, orgId);
  const official = profile.privacyOfficial ?? profile.securityOfficial;
  const mitigation = steps?.factors?.mitigation.rationale;
  return {
    today: dateWord(await organizationToday(db, deps.clock, orgId)),
    recipient: null,
    whatHappened: incident.description || incident.title,
    breachOccurredOn: steps?.facts ? dateWord(steps.facts.breachOccurredOn) : null,
    discoveredOn: row ? dateWord(row.discovered_on) : null,
    phiKinds: steps?.factors?.nature.rationale ?? null,
    individualSteps: null,
    whatWeAreDoing: mitigation
      ? `${mitigation} We are reviewing how this happened and changing our safeguards so that it does not happen again.`
      : null,
    tollFreeNumber: null,
    email: official?.email ?? null,
    website: null,
    postalAddress: null,
    signatory: official?.name ?? null,
    organization: profile.name,
  };
}

async function drawLetter(deps: AppDeps, orgId: string, incident: IncidentRow): Promise<string> {
  return fillLetter(letterTemplate(), await noticeValuesOf(deps, orgId, incident)).trim();
}

/** The letter as edited, else as drawn now from the template and the determination. */
export async function getBreachLetter(
  deps: AppDeps,
  orgId: string,
  incidentId: string,
): Promise<BreachLetter> {
  const db = deps.database.db;
  const incident = await foundIncident(db, orgId, incidentId);
  const saved = await findLetter(db, orgId, incidentId);
  if (!saved) return { body: await drawLetter(deps, orgId, incident), edited: null };
  const names = await findPeopleNames(db, orgId, saved.updated_by ? [saved.updated_by] : []);
  const by = saved.updated_by ?? '';
  return {
    body: saved.body,
    edited: { at: saved.updated_at, by: { id: by, name: names.get(by) ?? 'Former member' } },
  };
}

/** Keeps the edited letter (one per incident; the audit trail keeps that it changed). */
export async function saveBreachLetter(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  body: string,
): Promise<BreachLetter> {
  await deps.database.db.transaction().execute(async (trx) => {
    const incident = await foundIncident(trx, orgId, incidentId);
    const userId = await actingPersonIn(trx, orgId, context.actor);
    const now = deps.clock.now().toISOString();
    // 164.316(b)(2)(i): the notice text is documentation, kept six years from its last change.
    await keepRecordIn(trx, deps, orgId, {
      type: 'breach_letter',
      id: incidentId,
      label: `${reference(incident)} letter to the people affected`,
      createdAt: now,
    });
    await upsertLetter(trx, {
      org_id: orgId,
      incident_id: incidentId,
      body,
      updated_at: now,
      updated_by: userId,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_letter_saved',
      entity: { type: 'incident', id: incidentId },
      // Not the text: a letter may name a patient.
      changes: { characters: { after: body.length } },
    });
  });
  return getBreachLetter(deps, orgId, incidentId);
}

/** The letter as PDF or DOCX, with the documents' export layout; an audited read (164.312(b)). */
export async function exportBreachLetter(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  format: 'pdf' | 'docx',
): Promise<{ content: Buffer; fileName: string; contentType: string }> {
  const db = deps.database.db;
  const incident = await foundIncident(db, orgId, incidentId);
  const letter = await getBreachLetter(deps, orgId, incidentId);
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_letter_exported',
      entity: { type: 'incident', id: incidentId },
      changes: { format: { after: format } },
    }),
  );
  const ref = reference(incident);
  return renderBreachFile(deps, orgId, format, {
    title: 'Notice of a breach of your health information',
    body: letter.body,
    what: `${ref} · notice to the people affected`,
    fileName: `${ref}-notice-letter`,
    reference: ref,
  });
}

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** A breach notice text as PDF or DOCX through the documents' export pipeline (a worker thread). */
export async function renderBreachFile(
  deps: AppDeps,
  orgId: string,
  format: 'pdf' | 'docx',
  file: { title: string; body: string; what: string; fileName: string; reference: string },
): Promise<{ content: Buffer; fileName: string; contentType: string }> {
  const profile = await getProfile(deps, orgId);
  const content = await renderDocumentFile(format, {
    organization: profile.name,
    version: { reference: file.reference, title: file.title, number: 1, body: file.body },
    subtitle: file.what,
    footer: `${profile.name} · ${file.what}`,
    facts: [],
    generatedAt: deps.clock.now().toISOString(),
  });
  if (content.length === 0) throw new AppError('internal', 'The file came out empty.');
  return { content, fileName: `${file.fileName}.${format}`, contentType: TYPES[format] };
}
