import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { NAVIGATION } from '../../app/navigation';
import { activeMembership, can, useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';

// Until the dashboard arrives, the overview shows what the program will cover and what is ready.
export function OverviewPage() {
  const role = activeMembership(useMe().data)?.role;
  const areas = NAVIGATION.flatMap((g) => g.items).filter(
    (i) => i.path !== '/' && (!i.permission || can(role, i.permission)),
  );
  return (
    <>
      <PageHeader
        title="Overview"
        description="Custos runs your HIPAA Security Rule program (45 CFR 164.308–164.316) and keeps the records an auditor asks for. Each area below becomes available as it ships."
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {areas.map((area) => (
          <Card key={area.path} withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <area.icon size={18} stroke={1.6} aria-hidden />
                  <Title order={2} size="h5">
                    {area.available ? (
                      <Anchor component={Link} to={area.path} inherit>
                        {area.label}
                      </Anchor>
                    ) : (
                      area.label
                    )}
                  </Title>
                </Group>
                <Badge
                  size="sm"
                  variant={area.available ? 'dot' : 'default'}
                  color="teal"
                  style={{ flexShrink: 0 }}
                >
                  {area.available ? 'Ready' : 'Coming'}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {area.summary}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
