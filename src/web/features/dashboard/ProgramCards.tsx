import { ScrollTable } from '../../components/ScrollTable';
import {
  Anchor,
  Card,
  Group,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconClockExclamation,
  IconGavel,
  IconUserQuestion,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { RecordLink } from '../../app/RecordLink';
import { SAFEGUARD_CATEGORY_LABELS } from '../../../contracts/catalog';
import type { Dashboard } from '../../../contracts/dashboard';
import { Legend, Stat, StatusBar } from './DashboardParts';
import { countOf } from '../../components/format';

type Program = NonNullable<Dashboard['program']>;

/** Overall progress and progress by safeguard category. */
export function ProgressCards({ program: p }: { program: Program }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <Card withBorder padding="lg">
        <Group wrap="nowrap" align="center">
          <RingProgress
            size={132}
            thickness={14}
            roundCaps
            // A round cap draws even an empty section as a dot: only the shares there are.
            sections={[
              { count: p.progress.implemented, color: 'teal' },
              { count: p.progress.notApplicable, color: 'indigo.4' },
              { count: p.progress.inProgress, color: 'yellow.5' },
            ]
              .filter((s) => s.count > 0)
              .map((s) => ({ value: (s.count * 100) / p.progress.total, color: s.color }))}
            label={
              <Text ta="center" fz={26} fw={700} data-testid="overall-percent">
                {p.progress.percent}%
              </Text>
            }
          />
          <Stack gap={4}>
            <Title order={2} size="h4">
              Overall progress
            </Title>
            <Text size="sm">
              <b>{p.progress.implemented}</b> implemented, <b>{p.progress.notApplicable}</b> not
              applicable
            </Text>
            <Text size="sm">
              <b>{p.progress.inProgress}</b> in progress, <b>{p.progress.notStarted}</b> not started
            </Text>
            <Text size="xs" c="dimmed">
              of {countOf(p.progress.total, 'requirement')}
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
          {p.byCategory.map((c) => (
            <Stack key={c.safeguard} gap={4}>
              <Group justify="space-between">
                <RecordLink to={`/safeguards?safeguard=${c.safeguard}`}>
                  {SAFEGUARD_CATEGORY_LABELS[c.safeguard]}
                </RecordLink>
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
  );
}

/** What the register lacks, and the organization's late tasks for a role that lists them all. */
export function AttentionStats({
  program: p,
  tasksOverdue,
}: {
  program: Program;
  tasksOverdue: number | null;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
      <Stat
        label="Decisions missing"
        value={p.decisionsMissing}
        href="/safeguards?attention=decision_missing"
        icon={IconGavel}
        good="Every addressable decision is on record"
      />
      <Stat
        label="Reviews overdue"
        value={p.reviewsOverdue}
        href="/safeguards?attention=review_overdue"
        icon={IconClockExclamation}
        good="All reviews are current"
      />
      <Stat
        label="Without owner"
        value={p.unowned}
        href="/safeguards?attention=unowned"
        icon={IconUserQuestion}
        good="Every requirement has an owner"
      />
      {tasksOverdue === null ? null : (
        <Stat
          label="Overdue tasks"
          value={tasksOverdue}
          href="/tasks?scope=all&overdue=true"
          icon={IconAlertTriangle}
          good="Nothing is late"
        />
      )}
    </SimpleGrid>
  );
}

/** How many changes of the proposed rule the records already meet. */
export function ReadinessCard({ program: p }: { program: Program }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={4}>
        Proposed rule readiness
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The Security Rule changes proposed on January 6, 2025 (90 FR 898) are not final. Judged from
        your records today:
      </Text>
      <Group align="baseline" gap={6}>
        <Text fz={28} fw={700}>
          {p.proposedRule.met}
        </Text>
        <Text size="sm">of {p.proposedRule.total} proposed changes already met</Text>
      </Group>
      <Progress
        value={p.proposedRule.total === 0 ? 0 : (p.proposedRule.met * 100) / p.proposedRule.total}
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
  );
}

/** Each standard with its specifications by status. */
export function ByStandardCard({ program: p }: { program: Program }) {
  return (
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
          {p.byStandard.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <RecordLink to={`/safeguards/${encodeURIComponent(s.id)}`}>
                  <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                    {s.id}
                  </Text>
                  {s.title}
                </RecordLink>
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
  );
}
