import type { Link } from '../../contracts/links';

/**
 * The app page of a linked record, or undefined for what is no page of the app (a web address,
 * a stored report: opened as files). Links are drawn through RecordLink (app/RecordLink.tsx), so
 * only where the reader's role may open the page.
 */
export function pageOfLink(link: Pick<Link, 'type' | 'targetId'>): string | undefined {
  switch (link.type) {
    case 'task':
      return `/tasks?scope=all&task=${link.targetId}`;
    case 'risk':
      return `/risks?risk=${link.targetId}`;
    case 'risk_assessment':
      return `/risk-assessments/${link.targetId}`;
    case 'safeguard':
      return `/safeguards/${encodeURIComponent(link.targetId)}`;
    case 'evidence':
      return `/evidence/${link.targetId}`;
    case 'asset':
      // The inventory has no page per asset: the list, where the asset is one row.
      return '/assets';
    case 'document':
      return `/documents/${link.targetId}`;
    case 'training':
      return `/my-training/${link.targetId}`;
    case 'incident':
      return `/incidents/${link.targetId}`;
    case 'security_reminder':
      // Every role opens the reminders it received; managers find the rest from there.
      return '/my-reminders';
    case 'url':
    case 'risk_report':
      return undefined;
  }
}
