import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ACCESS_REVIEW_STATUS_LABELS } from '../../../contracts/access-reviews';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf, formatDate } from '../../components/format';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { NewReviewDialog } from './NewReviewDialog';
import { STATUS_COLORS } from './words';

type Filter = 'open' | 'completed' | 'all';
const isFilter = (v: string | null): v is Filter =>
  v === 'open' || v === 'completed' || v === 'all';

/** Access reviews (164.308(a)(4)(ii)(C)): each system's accounts reviewed for a period. */
export function AccessReviewsPage() {
  const org = useActiveOrg();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: Filter = isFilter(requested) ? requested : 'all';
  const [adding, setAdding] = useState(false);
  const orgId = org?.orgId;
  const list = useApiQuery(
    api.accessReviews.list,
    orgId ? [{ orgId }, status === 'all' ? {} : { status }] : null,
  );
  if (!org) return <NoOrganization />;
  const reviews = list.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Access reviews"
        description="Each system's accounts, matched to the roster and decided by a reviewer: keep, modify or revoke."
      />
      <Stack gap="md">
        <Group justify="space-between">
          <SegmentedControl
            aria-label="Which reviews"
            value={status}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              next.set('status', v);
              setParams(next, { replace: true });
            }}
            data={[
              { value: 'open', label: 'Open' },
              { value: 'completed', label: 'Completed' },
              { value: 'all', label: 'All' },
            ]}
          />
          {can(org.role, api.accessReviews.create) ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              New access review
            </Button>
          ) : null}
        </Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        {list.data && reviews.length === 0 ? (
          <EmptyState filtered={status !== 'all'} noun="access review">
            <Text size="sm">
              No access reviews yet. Start one per system: import the accounts the system exports
              (CSV), or take them from the access grants recorded here, and let the reviewer decide
              each one.
            </Text>
          </EmptyState>
        ) : null}
        {reviews.length > 0 ? (
          <ScrollTable label="Access reviews" minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Review</Table.Th>
                <Table.Th>System</Table.Th>
                <Table.Th>Reviewer</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Accounts</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/access-reviews/${r.id}`}>
                      {r.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.asset.name}</Table.Td>
                  <Table.Td>{r.reviewer.name}</Table.Td>
                  <Table.Td>
                    {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" {...(r.overdue ? { c: 'red.8' } : {})}>
                      {formatDate(r.dueOn)}
                      {r.overdue ? ' (overdue)' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {r.counts.decided} of {countOf(r.counts.items, 'account')} decided
                    </Text>
                    {r.counts.flagged > 0 ? (
                      <Text size="xs" c="orange.8">
                        {countOf(r.counts.flagged, 'flagged account')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={STATUS_COLORS[r.status]}>
                      {ACCESS_REVIEW_STATUS_LABELS[r.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
      </Stack>
      {adding ? <NewReviewDialog onClose={() => setAdding(false)} /> : null}
    </>
  );
}
