import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DOCUMENT_KIND_LABELS } from '../../../contracts/documents';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { PolicyAcknowledgementsCard } from '../attestations/PolicyAcknowledgementsCard';
import { AwaitingEffect } from './AwaitingEffect';
import { DetailsDialog } from './DetailsDialog';
import { LastReview } from './LastReview';
import { StatusBadge } from './StatusBadge';
import { VersionPanel } from './VersionPanel';

/** One policy: its versions, the one chosen (to edit, approve, compare, export) and its reviews. */
export function DocumentPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const { documentId = '' } = useParams();
  const params = org ? { orgId: org.orgId, documentId } : null;
  const detail = useApiQuery(api.documents.get, params ? [params] : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const review = useApiMutation(api.documents.review);
  if (!org || !params) return <NoOrganization />;
  const doc = detail.data;
  if (!doc) {
    return detail.isError ? (
      <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />
    ) : null;
  }
  const approved = doc.versions.find((v) => v.status === 'approved');
  const current =
    doc.versions.find((v) => v.id === chosen) ??
    doc.openDraft ??
    approved ??
    doc.inEffect ??
    doc.versions[0];
  return (
    <>
      <PageHeader
        title={`${doc.reference} ${doc.title}`}
        description={`${DOCUMENT_KIND_LABELS[doc.kind]}${doc.category ? ` · ${doc.category}` : ''} · owner ${doc.owner?.name ?? 'the Security Official'} · reviewed every ${countOf(doc.reviewMonths, 'month')}`}
      />
      <Stack gap="md">
        {approved ? <AwaitingEffect document={doc} version={approved} /> : null}
        <Card withBorder padding="md">
          <Stack gap={6}>
            <Text size="sm">
              <b>Requirements addressed:</b>{' '}
              {doc.requirements.length === 0
                ? 'none linked yet'
                : doc.requirements.map((citation, i) => (
                    <span key={citation}>
                      {i > 0 ? ', ' : ''}
                      <Anchor
                        component={Link}
                        to={`/safeguards/${encodeURIComponent(citation)}`}
                        underline="always"
                      >
                        {citation}
                      </Anchor>
                    </span>
                  ))}
            </Text>
            <LastReview document={doc} />
            <Group gap="xs">
              <DetailsDialog document={doc} />
              {doc.inEffect && can(org.role, api.documents.review) ? (
                <ConfirmButton
                  variant="default"
                  loading={review.isPending}
                  question={`Record a review of version ${doc.inEffect.number}, no change?`}
                  consequence={`You are recorded as having reviewed version ${doc.inEffect.number} today and found it still accurate; the next review moves to ${countOf(doc.reviewMonths, 'month')} from today. To change the text, start a new draft instead.`}
                  confirm="Record the review"
                  onConfirm={() => review.mutate([params, {}])}
                >
                  Reviewed, no change
                </ConfirmButton>
              ) : null}
            </Group>
            <MutationError error={review.error} action="record the review" />
          </Stack>
        </Card>
        <ScrollTable label="Versions" minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Approved</Table.Th>
              <Table.Th>Effective</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doc.versions.map((v) => (
              <Table.Tr key={v.id} aria-selected={v.id === current?.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setChosen(v.id)}>
                    Version {v.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={v.status} />
                </Table.Td>
                <Table.Td>
                  {v.approvedBy ? `${v.approvedBy.name}, ${time.day(v.approvedAt)}` : '—'}
                </Table.Td>
                <Table.Td>{formatDate(v.effectiveOn)}</Table.Td>
                <Table.Td>
                  {v.changeSummary || (v.basedOnNumber === null ? 'First version' : '—')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {current ? <VersionPanel key={current.id} document={doc} versionId={current.id} /> : null}
        <PolicyAcknowledgementsCard documentId={doc.id} />
        {doc.reviews.length > 0 ? (
          <Card withBorder padding="md">
            <Text fw={600} mb="xs">
              Reviews
            </Text>
            {doc.reviews.map((r) => (
              <Text key={r.id} size="sm">
                {time.dateTime(r.reviewedAt)}: {r.reviewedBy?.name ?? 'Former member'} reviewed
                version {r.versionNumber}, no change{r.note ? ` (“${r.note}”)` : ''}. Next review{' '}
                {formatDate(r.nextReviewOn)}.
              </Text>
            ))}
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
