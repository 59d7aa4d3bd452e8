import { TONE } from '../../components/tones';
import { ScrollTable } from '../../components/ScrollTable';
import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCircleCheck,
  IconCircleDashed,
  IconClockExclamation,
  IconGavel,
  IconUserQuestion,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { SAFEGUARD_CATEGORY_LABELS } from '../../../contracts/catalog';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { Stat, StatusBar, Legend } from './DashboardParts';
import { PRIORITY_COLORS, TASK_PRIORITY_LABELS } from '../tasks/labels';
import { formatDate } from '../../components/format';

/** The home page: where the program stands and what to do next. */
export function DashboardPage() {
  const org = useActiveOrg();
  const dashboard = useApiQuery(api.dashboard.get, org ? [{ orgId: org.orgId }] : null);
  if (!org) return <NoOrganization />;
  if (dashboard.isError)
    return <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${org.orgName}: progress on the 22 standards and 46 implementation specifications of the HIPAA Security Rule, and what needs doing next.`}
      />
      {d ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <Card withBorder padding="lg">
              <Group wrap="nowrap" align="center">
                <RingProgress
                  size={132}
                  thickness={14}
                  roundCaps
                  sections={[
                    { value: (d.progress.implemented * 100) / d.progress.total, color: 'teal' },
                    {
                      value: (d.progress.notApplicable * 100) / d.progress.total,
                      color: 'indigo.4',
                    },
                    { value: (d.progress.inProgress * 100) / d.progress.total, color: 'yellow.5' },
                  ]}
                  label={
                    <Text ta="center" fz={26} fw={700} data-testid="overall-percent">
                      {d.progress.percent}%
                    </Text>
                  }
                />
                <Stack gap={4}>
                  <Title order={2} size="h4">
                    Overall progress
                  </Title>
                  <Text size="sm">
                    <b>{d.progress.implemented}</b> implemented, <b>{d.progress.notApplicable}</b>{' '}
                    not applicable
                  </Text>
                  <Text size="sm">
                    <b>{d.progress.inProgress}</b> in progress, <b>{d.progress.notStarted}</b> not
                    started
                  </Text>
                  <Text size="xs" c="dimmed">
                    of {d.progress.total} requirements
                  </Text>
                </Stack>
              </Group>
            </Card>
            <Card withBorder padding="lg" style={{ gridColumn: 'span 2' }}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} size="h4">
                    By safeguard category
                  </Title>
                  <Legend />
                </Group>
                {d.byCategory.map((c) => (
                  <Stack key={c.safeguard} gap={4}>
                    <Group justify="space-between">
                      <Anchor
                        component={Link}
                        to={`/safeguards?safeguard=${c.safeguard}`}
                        size="sm"
                      >
                        {SAFEGUARD_CATEGORY_LABELS[c.safeguard]}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {c.implemented + c.notApplicable} of {c.total} · {c.percent}%
                      </Text>
                    </Group>
                    <StatusBar counts={c} />
                  </Stack>
                ))}
              </Stack>
            </Card>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
            <Stat
              label="Decisions missing"
              value={d.decisionsMissing}
              href="/safeguards?attention=decision_missing"
              icon={IconGavel}
              good="Every addressable decision is on record"
            />
            <Stat
              label="Reviews overdue"
              value={d.reviewsOverdue}
              href="/safeguards?attention=review_overdue"
              icon={IconClockExclamation}
              good="All reviews are current"
            />
            <Stat
              label="Without owner"
              value={d.unowned}
              href="/safeguards?attention=unowned"
              icon={IconUserQuestion}
              good="Every requirement has an owner"
            />
            <Stat
              label="Overdue tasks"
              value={d.tasks.overdue}
              href="/tasks?scope=all&overdue=true"
              icon={IconAlertTriangle}
              good="Nothing is late"
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Next things to do
              </Title>
              {d.nextActions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing urgent: keep reviews and tasks on schedule.
                </Text>
              ) : (
                <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                  {d.nextActions.map((action, i) => (
                    <Group key={action.id} component="li" wrap="nowrap" align="start" gap="sm">
                      <ThemeIcon radius="xl" size="md" variant="light">
                        <Text size="sm" fw={700}>
                          {i + 1}
                        </Text>
                      </ThemeIcon>
                      <Stack gap={0} style={{ flex: 1 }}>
                        <Anchor component={Link} to={action.href} fw={600} size="sm">
                          {action.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {action.detail}
                        </Text>
                      </Stack>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Your first week
              </Title>
              <Stack
                gap="xs"
                component="ol"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label="First-week path"
              >
                {d.firstWeek.map((step) => (
                  <Group
                    key={step.id}
                    component="li"
                    wrap="nowrap"
                    gap="sm"
                    align="start"
                    data-state={step.state}
                  >
                    {step.state === 'done' ? (
                      <IconCircleCheck
                        size={20}
                        color="var(--mantine-color-teal-7)"
                        aria-label="Done"
                      />
                    ) : (
                      <IconCircleDashed
                        size={20}
                        color="var(--mantine-color-gray-6)"
                        aria-label={step.state === 'todo' ? 'To do' : 'Coming'}
                      />
                    )}
                    <Stack gap={0} style={{ flex: 1 }}>
                      <Group gap="xs">
                        {step.href && step.state === 'todo' ? (
                          <Anchor component={Link} to={step.href} fw={600} size="sm">
                            {step.title}
                          </Anchor>
                        ) : (
                          <Text
                            fw={600}
                            size="sm"
                            {...(step.state === 'coming' ? { c: 'dimmed' } : {})}
                            {...(step.state === 'done' ? { td: 'line-through' } : {})}
                          >
                            {step.title}
                          </Text>
                        )}
                        {step.state === 'coming' ? (
                          <Badge size="xs" variant="default">
                            Coming
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {step.detail}
                      </Text>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            </Card>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Card withBorder padding="lg">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  My tasks
                </Title>
                <Text size="sm" c="dimmed">
                  {d.tasks.mineOpen} open
                  {d.tasks.mineOverdue > 0 ? `, ${d.tasks.mineOverdue} overdue` : ''}
                </Text>
              </Group>
              {d.tasks.mine.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No open tasks are assigned to you.
                </Text>
              ) : (
                <Stack gap={6}>
                  {d.tasks.mine.map((task) => (
                    <Stack key={task.id} gap={0}>
                      <Anchor
                        component={Link}
                        to={`/tasks?task=${task.id}`}
                        size="sm"
                        lineClamp={1}
                      >
                        {task.reference} {task.title}
                      </Anchor>
                      <Group gap={8}>
                        <Text
                          size="xs"
                          {...(task.overdue ? { c: TONE.danger, fw: 700 } : { c: 'dimmed' })}
                        >
                          {task.overdue ? 'Overdue · due ' : 'Due '}
                          {formatDate(task.dueOn)}
                        </Text>
                        <Badge size="xs" variant="dot" color={PRIORITY_COLORS[task.priority]}>
                          {TASK_PRIORITY_LABELS[task.priority]}
                        </Badge>
                      </Group>
                    </Stack>
                  ))}
                </Stack>
              )}
              <Anchor
                component={Link}
                to="/tasks"
                size="sm"
                mt="sm"
                display="inline-flex"
                style={{ alignItems: 'center', gap: 4 }}
              >
                All my tasks <IconArrowRight size={14} aria-hidden />
              </Anchor>
            </Card>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb={4}>
                Proposed rule readiness
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                The Security Rule changes proposed on January 6, 2025 (90 FR 898) are not final.
                Judged from your records today:
              </Text>
              <Group align="baseline" gap={6}>
                <Text fz={28} fw={700}>
                  {d.proposedRule.met}
                </Text>
                <Text size="sm">of {d.proposedRule.total} proposed changes already met</Text>
              </Group>
              <Progress
                value={
                  d.proposedRule.total === 0 ? 0 : (d.proposedRule.met * 100) / d.proposedRule.total
                }
                mt="xs"
                aria-label="Proposed rule readiness"
              />
              <Anchor
                component={Link}
                to="/readiness"
                size="sm"
                mt="sm"
                display="inline-flex"
                style={{ alignItems: 'center', gap: 4 }}
              >
                See what would change <IconArrowRight size={14} aria-hidden />
              </Anchor>
            </Card>
          </SimpleGrid>

          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              By standard
            </Title>
            <ScrollTable label="Standards" minWidth={560} verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Standard</Table.Th>
                  <Table.Th w="40%">Specifications by status</Table.Th>
                  <Table.Th ta="right">Done</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.byStandard.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/safeguards/${encodeURIComponent(s.id)}`}
                        size="sm"
                      >
                        <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                          {s.id}
                        </Text>
                        {s.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBar counts={s} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {s.implemented + s.notApplicable}/{s.total}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          </Card>
        </Stack>
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </>
  );
}
