import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  ACCESS_DECISION_LABELS,
  ACCESS_FLAG_LABELS,
  ACCESS_MATCH_KIND_LABELS,
  ACCESS_REVIEW_RECURRENCE_LABELS,
  ACCESS_REVIEW_SOURCE_LABELS,
  ACCESS_REVIEW_STATUS_LABELS,
  type AccessReviewDetail,
} from '../../../contracts/access-reviews';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can, useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf, formatDate } from '../../components/format';
import { ConfirmButton } from '../../components/ConfirmButton';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';
import { DecisionForm } from './DecisionForm';
import { ImportAccounts } from './ImportAccounts';
import { DECISION_COLORS, FLAG_COLORS, STATUS_COLORS } from './words';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Complete({ orgId, review }: { orgId: string; review: AccessReviewDetail }) {
  const complete = useApiMutation(api.accessReviews.complete);
  const open = review.counts.items - review.counts.decided;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Text fw={600}>Complete the review</Text>
        <Text size="sm" c="dimmed">
          {open > 0
            ? `${countOf(open, 'account')} still ${open === 1 ? 'needs' : 'need'} a decision.`
            : 'Every account is decided. Completing makes each change and revocation a task for the system owner, and keeps the review as a PDF in the evidence vault; it cannot be changed afterwards.'}
        </Text>
        <MutationError error={complete.error} action="complete the review" />
        <Group justify="flex-end">
          <ConfirmButton
            disabled={open > 0 || review.counts.items === 0}
            loading={complete.isPending}
            question={`Complete ${review.reference}?`}
            consequence="Each change and revocation becomes a task for the system owner, and the review is kept as a PDF in the evidence vault. Its decisions cannot be changed afterwards."
            onConfirm={() => complete.mutate([{ orgId, accessReviewId: review.id }])}
          >
            Complete {review.reference}
          </ConfirmButton>
        </Group>
      </Stack>
    </Card>
  );
}

/** One access review: its accounts, their flags and decisions, the import, the completion. */
export function AccessReviewPage() {
  const org = useActiveOrg();
  const me = useMe().data;
  const time = useOrgTime();
  const { accessReviewId = '' } = useParams();
  const orgId = org?.orgId;
  const got = useApiQuery(api.accessReviews.get, orgId ? [{ orgId, accessReviewId }] : null);
  if (!org) return <NoOrganization />;
  const r = got.data;
  const isOpen = r?.status === 'open';
  const reviews = r !== undefined && me?.user.id === r.reviewer.id;
  const decides = isOpen && reviews && can(org.role, api.accessReviews.decide);
  const manages = isOpen && can(org.role, api.accessReviews.importAccounts);
  const seesPeople = can(org.role, api.people.get);
  return (
    <>
      <PageHeader
        title={r ? `${r.reference} ${r.asset.name}` : 'Access review'}
        description={
          r
            ? `Accounts of ${r.asset.name} from ${formatDate(r.periodStart)} to ${formatDate(r.periodEnd)}, reviewed by ${r.reviewer.name}`
            : ''
        }
      />
      {got.isError ? <ErrorNotice error={got.error} onRetry={() => void got.refetch()} /> : null}
      {r ? (
        <Stack gap="md">
          <Group justify="space-between">
            <Group gap="xs">
              <Badge variant="dot" color={STATUS_COLORS[r.status]}>
                {ACCESS_REVIEW_STATUS_LABELS[r.status]}
              </Badge>
              {r.overdue ? (
                <Badge variant="dot" color="red">
                  Overdue
                </Badge>
              ) : null}
            </Group>
            <Group gap="sm">
              <Anchor component={Link} to="/access-reviews" size="sm">
                Back to access reviews
              </Anchor>
              {r.reportEvidenceId ? (
                <Button
                  component="a"
                  href={api.accessReviews.report({ orgId: org.orgId, accessReviewId: r.id })}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  Download the report (PDF)
                </Button>
              ) : null}
            </Group>
          </Group>
          <Card withBorder padding="md">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Fact label="System">
                {r.asset.name} {r.asset.reference ? `(${r.asset.reference})` : ''}
              </Fact>
              <Fact label="Reviewer">{r.reviewer.name}</Fact>
              <Fact label="Period">
                {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
              </Fact>
              <Fact label="Due">{formatDate(r.dueOn)}</Fact>
              <Fact label="Repeats">{ACCESS_REVIEW_RECURRENCE_LABELS[r.recurrence]}</Fact>
              <Fact label="Accounts from">{ACCESS_REVIEW_SOURCE_LABELS[r.source]}</Fact>
              <Fact label="Accounts">
                {r.counts.decided} of {countOf(r.counts.items, 'account')} decided,{' '}
                {r.counts.flagged} flagged
              </Fact>
              <Fact label="Completed">
                {r.completedAt
                  ? `${time.dateTime(r.completedAt)} by ${r.completedBy?.name ?? ''}`
                  : '—'}
              </Fact>
            </SimpleGrid>
          </Card>
          {isOpen && !reviews ? (
            <Alert variant="light" color="gray">
              Only {r.reviewer.name}, the reviewer, records the decisions and completes the review.
            </Alert>
          ) : null}
          {manages && r.counts.decided === 0 && r.source === 'csv' ? (
            <ImportAccounts orgId={org.orgId} reviewId={r.id} />
          ) : null}
          {r.items.length > 0 ? (
            <ScrollTable label="Accounts" minWidth={decides ? 1040 : 880}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Roster match</Table.Th>
                  <Table.Th>Access level</Table.Th>
                  <Table.Th>Flags</Table.Th>
                  <Table.Th>Decision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.row}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.account}</Text>
                      {item.personText && item.personText !== item.person?.name ? (
                        <Text size="xs" c="dimmed">
                          {item.personText}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {item.person ? (
                        <>
                          {seesPeople ? (
                            <Anchor component={Link} to={`/people/${item.person.id}`} size="sm">
                              {item.person.name}
                            </Anchor>
                          ) : (
                            <Text size="sm">{item.person.name}</Text>
                          )}
                          <Text size="xs" c="dimmed">
                            {item.matchedBy ? ACCESS_MATCH_KIND_LABELS[item.matchedBy] : ''}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Nobody on the roster
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{item.accessLevel}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {item.flags.map((f) => (
                          <Badge key={f} color={FLAG_COLORS[f]} variant="dot">
                            {ACCESS_FLAG_LABELS[f]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {decides ? (
                        <DecisionForm orgId={org.orgId} reviewId={r.id} item={item} />
                      ) : item.decision ? (
                        <Stack gap={2}>
                          <Badge color={DECISION_COLORS[item.decision]} variant="dot">
                            {ACCESS_DECISION_LABELS[item.decision]}
                          </Badge>
                          {item.comment ? <Text size="xs">{item.comment}</Text> : null}
                          {item.task ? (
                            <Anchor
                              component={Link}
                              to={`/tasks?scope=all&task=${item.task.id}`}
                              size="xs"
                            >
                              {item.task.reference}
                            </Anchor>
                          ) : null}
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not decided
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          ) : (
            <Text size="sm" c="dimmed">
              No accounts yet: import the system's account export to start.
            </Text>
          )}
          {decides ? <Complete orgId={org.orgId} review={r} /> : null}
        </Stack>
      ) : null}
    </>
  );
}
