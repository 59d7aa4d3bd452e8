import type { OrganizationCalendar } from '../../platform/org-calendar';
import type { AppDeps } from '../../platform/deps';
import { addDays } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { reminderSweep } from '../notifications/sweep';
import { publishedPolicies } from './obligations';

/**
 * What the published policies call for today (164.316(b)(2)(ii)): each person asked to acknowledge
 * a version is told once; told again once it is overdue; and the Security Official is told once per
 * version when people are late by the organization's escalation days (one notice for the policy,
 * not one per person).
 */
export async function acknowledgementNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const published = await publishedPolicies(deps.database.db, org.orgId, deps.clock.now());
  return published.flatMap((p) => {
    if (!p.version || !p.dueOn) return [];
    const { version } = p;
    const title = `${version.reference} ${version.title} (version ${version.versionNumber})`;
    const notice = (userId: string, kind: NotifyInput['kind'], key: string): NotifyInput => ({
      orgId: org.orgId,
      userId,
      kind,
      record: { type: 'document', id: version.documentId },
      title,
      dueOn: p.dueOn,
      key,
    });
    const waiting = p.obligations.filter((o) => o.status !== 'acknowledged');
    const notices = waiting.flatMap((o) => [
      notice(o.userId, 'policy.acknowledgement_due', `policy.ack:${version.versionId}`),
      ...(o.status === 'overdue'
        ? [
            notice(
              o.userId,
              'policy.acknowledgement_overdue',
              `policy.ack-late:${version.versionId}`,
            ),
          ]
        : []),
    ]);
    const escalateFrom = addDays(p.dueOn, org.escalateOverdueAfterDays);
    if (org.securityOfficialId && waiting.length > 0 && org.today >= escalateFrom) {
      notices.push(
        notice(
          org.securityOfficialId,
          'policy.acknowledgements_escalated',
          `policy.ack-escalated:${version.versionId}`,
        ),
      );
    }
    return notices;
  });
}

export const acknowledgementReminders = reminderSweep(
  'attestations.remind',
  'Policy acknowledgement reminders',
  acknowledgementNotices,
);
