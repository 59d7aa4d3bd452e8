import type { OrganizationCalendar } from '../../platform/org-calendar';
import type { AppDeps } from '../../platform/deps';
import { addDays, addMonths, todayIn } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { reminderSweep } from '../notifications/sweep';
import { findLatestApproved } from './yearly-reminder-repository';

const NOTICE_DAYS = 30;

/**
 * The Security Official hears a month before the last approved risk analysis turns a year old
 * (164.308(a)(1)(ii)(A) asks for an accurate and thorough analysis; a yearly one is the common
 * practice Custos follows, not a rule of the text — to be checked against the organization's policy).
 */
export async function riskAnalysisNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  if (!org.securityOfficialId) return [];
  const latest = await findLatestApproved(deps.database.db, org.orgId);
  if (!latest?.approved_at) return [];
  const dueOn = addMonths(todayIn(org.timeZone, new Date(latest.approved_at)), 12);
  if (org.today < addDays(dueOn, -NOTICE_DAYS)) return [];
  return [
    {
      orgId: org.orgId,
      userId: org.securityOfficialId,
      kind: 'risk_analysis.due',
      record: { type: 'risk_assessment', id: latest.id },
      title: `RA-${latest.number} ${latest.title}`,
      dueOn,
      key: `risk_analysis.due:${latest.id}:${dueOn}`,
    },
  ];
}

export const riskAnalysisReminders = reminderSweep(
  'risk-assessments.remind',
  'Yearly risk analysis reminder',
  riskAnalysisNotices,
);
