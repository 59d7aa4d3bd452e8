import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from './StatusBadge';

const STATE = {
  met: ['teal', 'Met'],
  partial: ['yellow', 'Partly met'],
  gap: ['red', 'Gap'],
} as const;

/** Readiness against the proposed 2025 rule, from the in-force records (which it never changes). */
export function ReadinessPage() {
  const org = useActiveOrg();
  const readiness = useApiQuery(
    api.safeguards.readiness,
    org ? [{ orgId: org.orgId, profileId: 'proposed-2025' }] : null,
  );
  if (!org) return <NoOrganization />;
  if (readiness.isError)
    return <ErrorNotice error={readiness.error} onRetry={() => void readiness.refetch()} />;
  const r = readiness.data;
  return (
    <>
      <PageHeader
        title="Proposed rule readiness"
        description="HHS proposed on January 6, 2025 (90 FR 898) to tighten the Security Rule. The rule is not final. This view judges each proposed change against your current records and changes none of them."
      />
      {r ? (
        <Stack gap="lg">
          <SimpleGrid cols={3} maw={600}>
            {(['met', 'partial', 'gap'] as const).map((state) => (
              <Card key={state} withBorder padding="md">
                <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                  {STATE[state][1]}
                </Text>
                <Text fz={28} fw={700}>
                  {r[state]}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {r.items.map((item) => (
            <Card key={item.id} withBorder padding="lg">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Title order={2} size="h5">
                    {item.title}
                  </Title>
                  <Badge color={STATE[item.state][0]} variant="dot">
                    {STATE[item.state][1]}
                  </Badge>
                </Group>
                <Text size="sm">{item.summary}</Text>
                {item.toCheck ? (
                  <Text size="xs" fs="italic">
                    {item.toCheck}
                  </Text>
                ) : null}
                {item.requirements.length > 0 ? (
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      Builds on
                    </Text>
                    {item.requirements.map((req) => (
                      <Group key={req.id} gap={4}>
                        <Anchor
                          component={Link}
                          to={`/safeguards/${encodeURIComponent(req.id)}`}
                          size="xs"
                        >
                          {req.id} {req.title}
                        </Anchor>
                        <StatusBadge status={req.status} />
                      </Group>
                    ))}
                  </Group>
                ) : null}
                {item.gaps.length > 0 ? (
                  <List size="xs" c="dimmed" spacing={0}>
                    {item.gaps.slice(0, 8).map((gap) => (
                      <List.Item key={gap}>{gap}</List.Item>
                    ))}
                    {item.gaps.length > 8 ? (
                      <List.Item>and {item.gaps.length - 8} more</List.Item>
                    ) : null}
                  </List>
                ) : null}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </>
  );
}
