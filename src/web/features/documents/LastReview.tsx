import { Text } from '@mantine/core';
import type { DocumentDetail } from '../../../contracts/documents';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';

/**
 * When the policy was last looked at and when it is next due (164.316(b)(2)(iii): reviewed
 * periodically): the newest review, or the day the version in effect took effect.
 */
export function LastReview({ document: doc }: { document: DocumentDetail }) {
  const time = useOrgTime();
  const last = doc.reviews[0];
  const next = doc.nextReviewOn ? `Next review on ${formatDate(doc.nextReviewOn)}.` : '';
  if (last) {
    return (
      <Text size="sm">
        <b>Last reviewed</b> by {last.reviewedBy?.name ?? 'a former member'} on{' '}
        {time.day(last.reviewedAt)} (version {last.versionNumber}). {next}
      </Text>
    );
  }
  return (
    <Text size="sm">
      <b>Last reviewed:</b>{' '}
      {doc.inEffect?.effectiveOn
        ? `not since version ${doc.inEffect.number} took effect on ${formatDate(doc.inEffect.effectiveOn)}.`
        : 'not yet: a policy is reviewed once a version is in effect.'}{' '}
      {next}
    </Text>
  );
}
