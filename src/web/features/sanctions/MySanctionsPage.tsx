import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf, formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import type { OwnSanction } from '../../../contracts/sanctions';

function Acknowledge({ sanction: s, orgId }: { sanction: OwnSanction; orgId: string }) {
  const acknowledge = useApiMutation(api.sanctions.acknowledge);
  if (s.acknowledgedOn) {
    return <Text size="sm">You acknowledged it on {formatDate(s.acknowledgedOn)}.</Text>;
  }
  return (
    <Stack gap={4}>
      <Group>
        <Button
          size="sm"
          loading={acknowledge.isPending}
          onClick={() => acknowledge.mutate([{ orgId, sanctionId: s.id }])}
        >
          Acknowledge {s.reference}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Acknowledging says you were told of this decision; it does not say you agree with it.
      </Text>
      <MutationError error={acknowledge.error} action="acknowledge" />
    </Stack>
  );
}

/**
 * The sanctions about me (164.308(a)(1)(ii)(C)): what was decided, to acknowledge myself. Nobody
 * else's records are ever listed here; the server answers only the reader's own.
 */
export function MySanctionsPage() {
  const org = useActiveOrg();
  const mine = useApiQuery(api.sanctions.mine, org ? [{ orgId: org.orgId }] : null);
  if (!org) return <NoOrganization />;
  const records = mine.data?.data ?? [];
  const open = records.filter((s) => !s.acknowledgedOn).length;
  return (
    <>
      <PageHeader
        title="Sanctions to acknowledge"
        description={
          open > 0
            ? `${countOf(open, 'sanction record')} about you to read and acknowledge.`
            : 'Sanction records about you, under your organization’s sanction policy.'
        }
      />
      {mine.isError ? <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      <Stack gap="sm" maw={860}>
        {mine.isSuccess && records.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing to acknowledge.
          </Text>
        ) : null}
        {records.map((s) => (
          <Card key={s.id} withBorder padding="md">
            <Stack gap="xs">
              <Text fw={600}>
                {s.reference} · {s.decision}, decided on {formatDate(s.decidedOn)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.violation}
              </Text>
              {s.policy ? <Text size="sm">Policy: {s.policy}</Text> : null}
              <Acknowledge sanction={s} orgId={org.orgId} />
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
