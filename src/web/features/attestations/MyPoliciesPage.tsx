import { Card, Group, Stack, Text } from '@mantine/core';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { AckBadge } from './AckBadge';

/** 164.316(b)(2)(ii): the policies in effect that apply to me, those still to read first. */
export function MyPoliciesPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const mine = useApiQuery(api.attestations.mine, org ? [{ orgId: org.orgId }] : null);
  if (!org) return <NoOrganization />;
  const policies = mine.data?.data ?? [];
  const waiting = policies.filter((p) => p.status !== 'acknowledged').length;
  return (
    <>
      <PageHeader
        title="My policies"
        description={
          mine.isSuccess && policies.length > 0
            ? waiting === 0
              ? 'You have acknowledged every policy asked of you.'
              : `${countOf(waiting, 'policy', 'policies')} to read and acknowledge.`
            : 'The policies your organization asks you to read and follow.'
        }
      />
      {mine.isError ? <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      <Stack gap="sm" maw={860}>
        {mine.isSuccess && policies.length === 0 ? (
          <Text c="dimmed" size="sm">
            No policy is asked of you yet. When your organization publishes one to you, it appears
            here and you are told by notification.
          </Text>
        ) : null}
        {policies.map((p) => (
          <Card key={p.version.id} withBorder padding="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <RecordLink to={`/my-policies/${p.version.id}`} fw={600}>
                {p.policy.reference} {p.policy.title}
              </RecordLink>
              <AckBadge status={p.status} />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              Version {p.version.number}
              {p.version.effectiveOn
                ? `, in effect since ${formatDate(p.version.effectiveOn)}`
                : ''}
              {' · '}
              {p.acknowledgedAt
                ? `you acknowledged it on ${time.day(p.acknowledgedAt)}`
                : `please acknowledge it by ${formatDate(p.dueOn)}`}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}
