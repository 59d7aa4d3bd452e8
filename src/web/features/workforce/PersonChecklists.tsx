import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { upperFirst } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  CHECKLIST_KIND_LABELS,
  END_REASONS,
  END_REASON_LABELS,
  type Checklist,
  type EndReason,
} from '../../../contracts/workforce';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf, formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';

const TASK_STATUS_LABELS = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
} as const;

function Items({ checklist }: { checklist: Checklist }) {
  const label = checklist.kind === 'onboarding' ? 'Onboarding tasks' : 'Termination tasks';
  const time = useOrgTime();
  if (checklist.items.length === 0) {
    return (
      <Text size="sm">
        No tasks:{' '}
        {checklist.status === 'undone'
          ? 'the end of employment was taken back.'
          : 'the template has no item for this person.'}
      </Text>
    );
  }
  return (
    <ScrollTable label={label} minWidth={640} stack>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Task</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {checklist.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/tasks?scope=all&task=${item.task.id}`}
                size="sm"
                underline="always"
              >
                {item.task.reference}
              </Anchor>{' '}
              {item.title}
            </Table.Td>
            <Table.Td data-label="Due">{upperFirst(time.due(item.dueAt))}</Table.Td>
            <Table.Td data-label="Owner">{item.task.owner?.name ?? 'Nobody yet'}</Table.Td>
            <Table.Td data-label="Status">
              {item.overdue ? (
                <Badge color="red.9" variant="filled">
                  Overdue
                </Badge>
              ) : (
                <Badge variant="light" color={item.task.status === 'done' ? 'green.9' : 'gray'}>
                  {TASK_STATUS_LABELS[item.task.status]}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function EndDialog({
  personId,
  name,
  hasAccount,
  onClose,
}: {
  personId: string;
  name: string;
  hasAccount: boolean;
  onClose: () => void;
}) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const hours = useApiQuery(api.workforce.settings, orgId ? [{ orgId }] : null).data
    ?.terminationDeadlineHours;
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState<EndReason>('resigned');
  const end = useApiMutation(api.workforce.endEmployment, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={`End ${name}'s employment`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          end.mutate([
            { orgId, personId },
            { endDate, reason },
          ]);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Termination tasks are raised for each account {name} was granted (doing the task ends
            the grant), every other system holding ePHI, devices and badges, remote access and the
            checklist template
            {hours === undefined ? '' : `, due ${countOf(hours, 'hour')} after the last day`}.{' '}
            {hasAccount
              ? `${name}'s Custos access ends at the end of the last day.`
              : `${name} has no Custos account: there is no Custos access to end.`}
          </Text>
          <TextInput
            type="date"
            label="Last day worked"
            required
            value={endDate}
            onChange={(e) => setEndDate(e.currentTarget.value)}
          />
          <Select
            label="Reason"
            data={END_REASONS.map((value) => ({ value, label: END_REASON_LABELS[value] }))}
            value={reason}
            allowDeselect={false}
            onChange={(value) => {
              if (value) setReason(value);
            }}
          />
          <MutationError error={end.error} action="end the employment" />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={end.isPending} disabled={!endDate}>
              End employment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The person's onboarding and termination checklists (164.308(a)(3)(ii)(C)), with their actions. */
export function PersonChecklists({
  personId,
  name,
  hasAccount,
}: {
  personId: string;
  name: string;
  hasAccount: boolean;
}) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const got = useApiQuery(api.workforce.checklists, orgId ? [{ orgId, personId }] : null);
  const [ending, setEnding] = useState(false);
  const onboard = useApiMutation(api.workforce.startOnboarding);
  const time = useOrgTime();
  const undo = useApiMutation(api.workforce.undoEnd);
  if (!org) return null;
  const manages = can(org.role, api.workforce.endEmployment);
  const data = got.data;
  const termination = data?.termination?.status === 'open' ? data.termination : null;
  return (
    <>
      {got.isError ? <ErrorNotice error={got.error} onRetry={() => void got.refetch()} /> : null}
      {data ? (
        <>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={600} component="h2">
                  {CHECKLIST_KIND_LABELS.onboarding}
                </Text>
                {manages && !data.onboarding ? (
                  <Button
                    variant="default"
                    loading={onboard.isPending}
                    onClick={() => onboard.mutate([{ orgId, personId }, {}])}
                  >
                    Start {name}&apos;s onboarding
                  </Button>
                ) : null}
              </Group>
              <MutationError error={onboard.error} action="start the onboarding" />
              {data.onboarding ? (
                <Items checklist={data.onboarding} />
              ) : (
                <Text size="sm">
                  Not started: it raises a task for each item of the onboarding template.
                </Text>
              )}
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={600} component="h2">
                  {CHECKLIST_KIND_LABELS.termination}
                </Text>
                {manages ? (
                  <Group gap="xs">
                    {termination ? (
                      <Button
                        variant="default"
                        loading={undo.isPending}
                        onClick={() => undo.mutate([{ orgId, personId }])}
                      >
                        Take back the end of employment
                      </Button>
                    ) : null}
                    <Button color="red.9" onClick={() => setEnding(true)}>
                      {termination ? 'Change the end date' : `End ${name}'s employment`}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              <MutationError error={undo.error} action="take back the end of employment" />
              {termination ? (
                <>
                  <Text size="sm">
                    Last day worked {formatDate(termination.endDate)} ·{' '}
                    {termination.reason ? END_REASON_LABELS[termination.reason] : ''}
                    {termination.accessEndsAt
                      ? ` · Custos access until the ${time.due(termination.accessEndsAt)}`
                      : ''}
                  </Text>
                  <Items checklist={termination} />
                  {manages ? (
                    <Text size="xs" c="dimmed">
                      Taking back the end cancels the open tasks; done ones stay done.
                    </Text>
                  ) : null}
                </>
              ) : (
                <Text size="sm">Employed: no termination tasks.</Text>
              )}
            </Stack>
          </Card>
        </>
      ) : null}
      {ending ? (
        <EndDialog
          personId={personId}
          name={name}
          hasAccount={hasAccount}
          onClose={() => setEnding(false)}
        />
      ) : null}
    </>
  );
}
