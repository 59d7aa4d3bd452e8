import { Card, Group, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import type { IconGavel } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Counts } from '../../../contracts/dashboard';

/** A stacked bar: implemented, not applicable, in progress; the rest is not started. */
export function StatusBar({ counts, size = 'md' }: { counts: Counts; size?: 'sm' | 'md' }) {
  const share = (n: number) => (counts.total === 0 ? 0 : (n * 100) / counts.total);
  const section = (n: number, color: string, label: string) =>
    n === 0 ? null : (
      <Progress.Section
        value={share(n)}
        color={color}
        aria-label={`${label}: ${n} of ${counts.total}`}
      />
    );
  return (
    <Progress.Root size={size}>
      {section(counts.implemented, 'teal', 'Implemented')}
      {section(counts.notApplicable, 'indigo.4', 'Not applicable')}
      {section(counts.inProgress, 'yellow.5', 'In progress')}
    </Progress.Root>
  );
}

export function Legend() {
  return (
    <Group gap="md">
      {(
        [
          ['teal', 'Implemented'],
          ['indigo.4', 'Not applicable'],
          ['yellow.5', 'In progress'],
          ['gray.3', 'Not started'],
        ] as const
      ).map(([color, label]) => (
        <Group key={label} gap={6}>
          <ThemeIcon color={color} size={10} radius="xl" aria-hidden>
            {null}
          </ThemeIcon>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

export function Stat(props: {
  label: string;
  value: number;
  href: string;
  icon: typeof IconGavel;
  good: string;
}) {
  const Icon = props.icon;
  return (
    <Card withBorder padding="md" component={Link} to={props.href}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <Stack gap={2}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
            {props.label}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {props.value}
          </Text>
          <Text size="xs" c="dimmed">
            {props.value === 0 ? props.good : 'Open the list'}
          </Text>
        </Stack>
        <ThemeIcon
          variant="light"
          color={props.value === 0 ? 'teal' : 'orange'}
          size="lg"
          radius="md"
        >
          <Icon size={20} aria-hidden />
        </ThemeIcon>
      </Group>
    </Card>
  );
}
