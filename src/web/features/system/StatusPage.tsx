import { Badge, Card, Code, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DATABASE_KIND_LABELS, type SystemStatus } from '../../../contracts/system';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';

export function StatusPage() {
  const status = useApiQuery(api.system.status, []);
  const time = useOrgTime();
  return (
    <>
      <PageHeader
        title="System status"
        description="What this installation of Custos runs on. Quote the version and installation id when you ask for support."
      />
      {status.isError ? (
        <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" aria-busy={status.isPending}>
          <Fact label="Version" loading={status.isPending}>
            {status.data ? `Custos ${status.data.version}` : null}
          </Fact>
          <Fact label="Database" loading={status.isPending}>
            {status.data ? DATABASE_KIND_LABELS[status.data.database.kind] : null}
          </Fact>
          <Fact label="Migrations" loading={status.isPending}>
            {status.data ? <Migrations status={status.data} /> : null}
          </Fact>
          <Fact label="Installation" loading={status.isPending}>
            {status.data ? (
              <Stack gap={2}>
                <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
                  {status.data.instance.id}
                </Code>
                <Text size="xs" c="dimmed">
                  since {time.dateTime(status.data.instance.createdAt)}
                </Text>
              </Stack>
            ) : null}
          </Fact>
        </SimpleGrid>
      )}
    </>
  );
}

function Migrations({ status }: { status: SystemStatus }) {
  const { applied, pending, latest, current } = status.migrations;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={current ? 'teal' : 'orange'} variant="dot">
          {current ? 'Current' : `${pending} pending`}
        </Badge>
        <Text size="sm">{applied} applied</Text>
      </Group>
      {latest ? (
        <Text size="xs" c="dimmed">
          latest {/* A migration's name is one long word: it wraps inside its card. */}
          <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
            {latest}
          </Code>
        </Text>
      ) : null}
    </Stack>
  );
}

function Fact({
  label,
  loading,
  children,
}: {
  label: string;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" miw={0}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
        {label}
      </Text>
      {loading ? <Skeleton height={20} width="70%" /> : <div>{children}</div>}
    </Card>
  );
}
