import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BreachLog } from '../../../contracts/incidents-breach-log';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf, formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';

/** Days left, or overdue, in words. */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft < 0) return `${countOf(-daysLeft, 'day')} overdue`;
  return daysLeft === 0 ? 'due today' : `${countOf(daysLeft, 'day')} left`;
}

/**
 * The yearly log of breaches affecting fewer than 500 people (164.408(c), as issue 16 states it),
 * one calendar year of discovery at a time: its deadline, and when it was submitted to HHS.
 */
export function BreachLogPage() {
  const org = useActiveOrg();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2009 ? asked : undefined;
  const orgId = org?.orgId;
  const log = useApiQuery(
    api.incidents.breachLog,
    orgId ? [{ orgId }, year === undefined ? {} : { year }] : null,
  );
  if (!org) return <NoOrganization />;
  const data = log.data;
  const years = data ? [...new Set([data.year, ...data.years])].toSorted((a, b) => b - a) : [];
  return (
    <>
      <PageHeader
        title="Yearly breach log"
        description="Breaches affecting fewer than 500 people, by calendar year of discovery: each year's log goes to HHS within 60 days after the year ends (164.408(c))."
      />
      <Stack gap="md">
        <Group justify="space-between">
          <Anchor component={Link} to="/incidents" size="sm">
            All incidents
          </Anchor>
          {data ? (
            <Group gap="sm">
              <Select
                aria-label="Year of discovery"
                w={120}
                allowDeselect={false}
                value={String(data.year)}
                data={years.map((y) => ({ value: String(y), label: String(y) }))}
                onChange={(v) => v && setParams({ year: v }, { replace: true })}
              />
              <Button
                component="a"
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                href={api.incidents.exportBreachLog({ orgId: org.orgId }, { year: data.year })}
              >
                Export CSV
              </Button>
            </Group>
          ) : null}
        </Group>
        {log.isError ? <ErrorNotice error={log.error} onRetry={() => void log.refetch()} /> : null}
        {data ? (
          <Deadline
            orgId={org.orgId}
            log={data}
            manages={can(org.role, api.incidents.recordBreachLogSubmission)}
          />
        ) : null}
        {data?.breaches.length === 0 ? (
          <EmptyState noun="breach under 500" filtered={false}>
            No breach affecting fewer than 500 people was determined for {data.year}. Approved
            breach determinations of fewer than 500 people show here.
          </EmptyState>
        ) : null}
        {data && data.breaches.length > 0 ? <Entries log={data} /> : null}
      </Stack>
    </>
  );
}

function Entries({ log }: { log: BreachLog }) {
  return (
    <ScrollTable label={`Breaches under 500 discovered in ${log.year}`} minWidth={960} stack>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Incident</Table.Th>
          <Table.Th>Breach occurred</Table.Th>
          <Table.Th>Discovered</Table.Th>
          <Table.Th>People affected</Table.Th>
          <Table.Th>Kinds of PHI</Table.Th>
          <Table.Th>What was done</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {log.breaches.map((b) => (
          <Table.Tr key={b.incidentId}>
            <Table.Td>
              <Anchor component={Link} to={`/incidents/${b.incidentId}`} size="sm">
                {b.reference}
              </Anchor>
              <Text size="sm">{b.title}</Text>
            </Table.Td>
            <Table.Td>{formatDate(b.breachOccurredOn)}</Table.Td>
            <Table.Td>{formatDate(b.discoveredOn)}</Table.Td>
            <Table.Td>{b.affected.toLocaleString('en-US')}</Table.Td>
            <Table.Td>
              <Text size="sm">{b.phiKinds}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{b.actionsTaken}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function Deadline({ orgId, log, manages }: { orgId: string; log: BreachLog; manages: boolean }) {
  const time = useOrgTime();
  const [recording, setRecording] = useState(false);
  const { submission } = log;
  if (log.deadline === null && submission === null) return null;
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Submission to HHS for {log.year}
          </Title>
          {submission ? (
            <Badge color="teal" variant="dot">
              Submitted
            </Badge>
          ) : log.daysLeft !== null ? (
            <Badge
              color={log.daysLeft < 0 ? 'red' : log.daysLeft <= 30 ? 'orange' : 'gray'}
              variant="dot"
            >
              {daysLeftWords(log.daysLeft)}
            </Badge>
          ) : null}
        </Group>
        {log.deadline ? (
          <Text size="sm">
            Due by {formatDate(log.deadline)}, for{' '}
            {countOf(log.breaches.length, 'breach', 'breaches')} discovered in {log.year}.
          </Text>
        ) : null}
        {submission ? (
          <Text size="sm">
            Submitted to HHS on {formatDate(submission.submittedOn)}; recorded by{' '}
            {submission.recordedBy?.name ?? 'Custos'} on {time.dateTime(submission.recordedAt)}.
            {submission.note ? ` ${submission.note}` : ''}
          </Text>
        ) : null}
        {manages && log.breaches.length > 0 && !recording ? (
          <Group>
            <Button variant={submission ? 'default' : 'filled'} onClick={() => setRecording(true)}>
              {submission ? 'Correct the submission record' : 'Record the submission to HHS'}
            </Button>
          </Group>
        ) : null}
        {recording ? (
          <SubmissionForm orgId={orgId} log={log} onDone={() => setRecording(false)} />
        ) : null}
      </Stack>
    </Card>
  );
}

function SubmissionForm(props: { orgId: string; log: BreachLog; onDone: () => void }) {
  const { log } = props;
  const [submittedOn, setSubmittedOn] = useState(log.submission?.submittedOn ?? log.today);
  const [note, setNote] = useState(log.submission?.note ?? '');
  const save = useApiMutation(api.incidents.recordBreachLogSubmission, { onSuccess: props.onDone });
  const errors = fieldErrors(save.error, { submittedOn: 'The date', note: 'The note' });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate([{ orgId: props.orgId }, { year: log.year, submittedOn, note }]);
      }}
    >
      <Stack gap="sm" maw={480}>
        <TextInput
          label="Submitted to HHS on"
          type="date"
          required
          max={log.today}
          value={submittedOn}
          onChange={(e) => setSubmittedOn(e.currentTarget.value)}
          error={errors.submittedOn}
        />
        <Textarea
          label="Note"
          description="The portal's confirmation number, who submitted it."
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Text size="xs" c="dimmed">
          You are recorded as who recorded it.
        </Text>
        {save.isError && Object.keys(errors).length === 0 ? (
          <MutationError error={save.error} />
        ) : null}
        <Group>
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Record
          </Button>
        </Group>
        {log.submission ? (
          <Alert color="gray" variant="light">
            This replaces the record of {log.year}; the change is kept in the audit trail.
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
