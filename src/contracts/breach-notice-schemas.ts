import { z } from 'zod';
import { MAX_AFFECTED, US_JURISDICTION_CODES } from './breach-deadlines';
import { DateOnly, PersonRef, Prose, Text } from './common';

// The notices of a breach as they were actually sent (issue 16 part 5; 45 CFR 164.404–164.410,
// Subpart D, to be checked against the eCFR: our hipaa-sources hold Subpart C only).

/** What was sent, to whom, and how. */
export const NOTICE_KINDS = [
  'individual_mail',
  'individual_email',
  'substitute_web',
  'substitute_media',
  'media',
  'hhs',
  'covered_entity',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  individual_mail: 'Individuals: first-class mail',
  individual_email: 'Individuals: email',
  substitute_web: 'Substitute notice: website posting',
  substitute_media: 'Substitute notice: major print or broadcast media',
  media: 'Media notice to outlets in a State',
  hhs: 'HHS breach portal',
  covered_entity: 'Notice to the covered entity',
};

/** The notices that reach people one by one (or stand in for reaching them): they carry a count. */
export function isCounted(kind: NoticeKind): boolean {
  return dutyOf(kind) === 'individuals';
}

/** The deadline a kind of notice answers (contracts/breach-deadlines.ts). */
export type NoticeDuty = 'individuals' | 'media' | 'hhs' | 'covered_entity';
export function dutyOf(kind: NoticeKind): NoticeDuty {
  if (kind === 'media' || kind === 'hhs' || kind === 'covered_entity') return kind;
  return 'individuals';
}

const Count = z.int({ error: 'must be a whole number' }).min(0).max(MAX_AFFECTED);

/** A notice as recorded; `state` only for a media notice, `people` only for the counted kinds. */
export const BreachNoticeBodySchema = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  sentOn: DateOnly,
  state: z.enum(US_JURISDICTION_CODES).nullable().optional(),
  people: Count.min(1, { error: 'must be at least 1' }).nullable().optional(),
  /** How it went, the outlet or the recipient: "first-class mail via Acme Print", "KXAN". */
  channel: Text(300).optional(),
  note: Prose(2000).optional(),
  evidenceId: z.uuid().nullable().optional(),
});
export type BreachNoticeBody = z.infer<typeof BreachNoticeBodySchema>;

/** A correction: the notice as it should read, and why (the audit trail keeps what it said). */
export const BreachNoticeCorrectionSchema = BreachNoticeBodySchema.extend({
  reason: Prose(2000).min(1, { error: 'is required' }),
});
export type BreachNoticeCorrection = z.infer<typeof BreachNoticeCorrectionSchema>;

export const BreachNoticeSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  kind: z.enum(NOTICE_KINDS),
  sentOn: DateOnly,
  state: z.string().nullable(),
  people: z.int().nullable(),
  channel: z.string(),
  note: z.string(),
  evidence: z.object({ id: z.string(), name: z.string() }).nullable(),
  recordedAt: z.string(),
  recordedBy: PersonRef.nullable(),
  corrected: z.object({ at: z.string(), by: PersonRef, reason: z.string() }).nullable(),
  /** The date it is kept until (164.316(b)(2)(i)). */
  retainUntil: DateOnly,
});
export type BreachNotice = z.infer<typeof BreachNoticeSchema>;

/** Where each deadline stands once notices are recorded. */
export const NoticeProgressSchema = z.object({
  individuals: z.object({
    affected: z.int(),
    reached: z.int(),
    remaining: z.int(),
    lastSentOn: DateOnly.nullable(),
  }),
  /** Per State that needs a media notice: the day it was sent, or null. */
  media: z.record(z.string(), DateOnly.nullable()),
  hhs: DateOnly.nullable(),
  coveredEntity: DateOnly.nullable(),
});
export type NoticeProgress = z.infer<typeof NoticeProgressSchema>;

/** Substitute notice (164.404(d)(2), to be checked): which form applies to the unreachable. */
export const SUBSTITUTE_NOTICE_FROM = 10;
export const SubstituteGuidanceSchema = z.object({
  unreachable: z.int(),
  form: z.enum(['none', 'alternative', 'conspicuous']),
  text: z.string(),
});
export type SubstituteGuidance = z.infer<typeof SubstituteGuidanceSchema>;

/**
 * What to do for the people who cannot be reached because their contact information is out of
 * date or missing. Our own words on the reading of 164.404(d)(2) (to be checked against
 * 45 CFR 164.404(d)(2)): under 10, an alternative written notice, telephone or other means; 10 or
 * more, a conspicuous posting on the home page for 90 days or major print or broadcast media where
 * they likely live, with a toll-free number active at least 90 days.
 */
export function substituteNoticeGuidance(unreachable: number): SubstituteGuidance {
  if (unreachable <= 0) {
    return { unreachable, form: 'none', text: 'Everyone affected can be reached directly.' };
  }
  if (unreachable < SUBSTITUTE_NOTICE_FROM) {
    return {
      unreachable,
      form: 'alternative',
      text: 'Fewer than 10 people cannot be reached: reach them by an alternative written notice, by telephone or by other means.',
    };
  }
  return {
    unreachable,
    form: 'conspicuous',
    text: '10 or more people cannot be reached: post the notice conspicuously on your website’s home page for 90 days, or place it in major print or broadcast media where they likely live; either way, include a toll-free number that stays active for at least 90 days.',
  };
}

export const UnreachableBodySchema = z.strictObject({ unreachable: Count });

export const BreachNoticesSchema = z.object({
  data: z.array(BreachNoticeSchema),
  progress: NoticeProgressSchema.nullable(),
  guidance: SubstituteGuidanceSchema.nullable(),
  unreachableSaved: z.object({ at: z.string(), by: PersonRef }).nullable(),
});
export type BreachNotices = z.infer<typeof BreachNoticesSchema>;

/** What recording a notice did to the deadline's task, in words. */
export const NoticeRecordedSchema = z.object({ notice: BreachNoticeSchema, task: z.string() });

/** A field the HHS breach portal asks for, as Custos can fill it (to be checked against the portal). */
export const PortalFactSchema = z.object({ key: z.string(), label: z.string(), value: z.string() });
export const PortalFactsSchema = z.object({ data: z.array(PortalFactSchema) });
export type PortalFact = z.infer<typeof PortalFactSchema>;
