import type { OrganizationCalendar } from '../../platform/org-calendar';
import type { AppDeps } from '../../platform/deps';
import { addDays } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { LOOK_BACK_DAYS, reminderSweep } from '../notifications/sweep';
import { listOpenRisksWithDatesBetween } from './reminders-repository';

/** Acceptances are announced a month ahead, reviews two weeks ahead. */
const ACCEPTANCE_NOTICE_DAYS = 30;
const REVIEW_NOTICE_DAYS = 14;

/**
 * An open risk whose acceptance expires within a month, or whose review falls due within two
 * weeks (or passed lately), tells its owner, else the Security Official: 164.308(a)(1)(ii)(B), a
 * risk accepted is managed only while someone looks at it again.
 */
export async function riskNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const from = addDays(org.today, -LOOK_BACK_DAYS);
  const risks = await listOpenRisksWithDatesBetween(
    deps.database.db,
    org.orgId,
    from,
    addDays(org.today, ACCEPTANCE_NOTICE_DAYS),
  );
  const reviewBy = addDays(org.today, REVIEW_NOTICE_DAYS);
  const acceptBy = addDays(org.today, ACCEPTANCE_NOTICE_DAYS);
  return risks.flatMap((risk) => {
    const to = risk.owner_id ?? org.securityOfficialId;
    if (!to) return [];
    const notice = (kind: NotifyInput['kind'], dueOn: string): NotifyInput => ({
      orgId: org.orgId,
      userId: to,
      kind,
      record: { type: 'risk', id: risk.id },
      title: `RISK-${risk.number} ${risk.title}`,
      dueOn,
      key: `${kind}:${risk.id}:${dueOn}`,
    });
    const notices: NotifyInput[] = [];
    const expires = risk.acceptance_expires_on;
    if (expires && expires >= from && expires <= acceptBy) {
      notices.push(notice('risk.acceptance_expiring', expires));
    }
    const review = risk.next_review_on;
    if (review && review >= from && review <= reviewBy) {
      notices.push(notice('risk.review_due', review));
    }
    return notices;
  });
}

export const riskReminders = reminderSweep('risks.remind', 'Risk reminders', riskNotices);
