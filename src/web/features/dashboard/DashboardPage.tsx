import { TONE } from '../../components/tones';
import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { AttentionStats, ByStandardCard, ProgressCards, ReadinessCard } from './ProgramCards';
import { PRIORITY_COLORS, TASK_PRIORITY_LABELS } from '../tasks/labels';
import { formatDate } from '../../components/format';
import { AccessReviewCard } from './AccessReviewCard';
import { IncidentCard } from './IncidentCard';
import { BreachDeadlineCard } from './BreachDeadlineCard';
import { PolicyCard } from './PolicyCard';
import { TrainingCard } from './TrainingCard';

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
        description={
          d?.program === null
            ? `${org.orgName}: your tasks and what needs doing next.`
            : `${org.orgName}: progress on the 22 standards and 46 implementation specifications of the HIPAA Security Rule, and what needs doing next.`
        }
      />
      {d ? (
        <Stack gap="lg">
          {d.program ? <ProgressCards program={d.program} /> : null}

          {d.program ? <AttentionStats program={d.program} tasksOverdue={d.tasks.overdue} /> : null}

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
                        <RecordLink to={action.href} fw={600}>
                          {action.title}
                        </RecordLink>
                        <Text size="xs" c="dimmed">
                          {action.detail}
                        </Text>
                      </Stack>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            {d.firstWeek.length === 0 ? null : (
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
                            <RecordLink to={step.href} fw={600}>
                              {step.title}
                            </RecordLink>
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
            )}
            {d.policies ? <PolicyCard policies={d.policies} /> : null}
            {d.training ? <TrainingCard training={d.training} /> : null}
            {d.incidents ? <IncidentCard incidents={d.incidents} /> : null}
            {d.breaches && (d.breaches.open.length > 0 || d.breaches.yearlyLog) ? (
              <BreachDeadlineCard breaches={d.breaches} />
            ) : null}
            {d.accessReviews ? <AccessReviewCard reviews={d.accessReviews} /> : null}
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
                        title={`${task.reference} ${task.title}`}
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
            {d.program ? <ReadinessCard program={d.program} /> : null}
          </SimpleGrid>

          {d.program ? <ByStandardCard program={d.program} /> : null}
        </Stack>
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </>
  );
}
