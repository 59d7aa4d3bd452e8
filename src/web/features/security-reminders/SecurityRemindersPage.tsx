import { Anchor, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../contracts/roles';
import {
  REMINDER_CHANNEL_LABELS,
  REMINDER_SCHEDULE_LABELS,
  type SecurityReminder,
} from '../../../contracts/security-reminders';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { ScheduleDialog } from './ScheduleDialog';

function audienceOf(r: SecurityReminder): string {
  const parts = [
    ...r.roles.map((role) => ROLE_LABELS[role]),
    ...r.departments.map((d) => d.name),
    ...r.people.map((p) => p.name),
  ];
  return parts.join(', ');
}

/** Security reminders (164.308(a)(5)(ii)(A)): what is scheduled, and the log of what was sent. */
export function SecurityRemindersPage() {
  const org = useActiveOrg();
  const { dateTime } = useOrgTime();
  const [scheduling, setScheduling] = useState(false);
  const params: [{ orgId: string }] | null = org ? [{ orgId: org.orgId }] : null;
  const list = useApiQuery(api.securityReminders.list, params);
  const log = useApiQuery(api.securityReminders.sendings, org ? [{ orgId: org.orgId }, {}] : null);
  const stop = useApiMutation(api.securityReminders.stop);
  if (!org) return <NoOrganization />;
  const mayManage = can(org.role, api.securityReminders.create);
  const reminders = list.data?.data ?? [];
  const sendings = log.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Security reminders"
        description="Periodic security updates for the workforce (164.308(a)(5)(ii)(A)): short messages sent once or on a schedule, in Custos and by email, with a log of who got each one and when."
      />
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Stack gap="md" maw={1100}>
        {mayManage ? (
          <Group>
            <Button onClick={() => setScheduling(true)}>Schedule a reminder</Button>
          </Group>
        ) : null}
        <MutationError error={stop.error} action="stop the reminder" />
        {list.data && reminders.length === 0 ? (
          <EmptyState filtered={false} noun="reminder">
            <Text size="sm">
              No security reminder yet. Schedule one to remind the workforce of a security practice
              every month or quarter; each sending is logged here.
            </Text>
          </EmptyState>
        ) : null}
        {reminders.length > 0 ? (
          <ScrollTable label="Security reminders" stack minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reminder</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>How often</Table.Th>
                <Table.Th>Next sending</Table.Th>
                <Table.Th>Sent</Table.Th>
                {mayManage ? (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reminders.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.reference} {r.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.message}
                    </Text>
                    {r.linkUrl ? (
                      <Anchor size="xs" href={r.linkUrl} target="_blank" rel="noreferrer noopener">
                        {r.linkUrl}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td data-label="To">{audienceOf(r)}</Table.Td>
                  <Table.Td data-label="How often">{REMINDER_SCHEDULE_LABELS[r.schedule]}</Table.Td>
                  <Table.Td data-label="Next sending">
                    {r.stopped ? (
                      <Badge color="gray" variant="light">
                        Stopped
                      </Badge>
                    ) : r.nextOn ? (
                      formatDate(r.nextOn)
                    ) : (
                      'None'
                    )}
                  </Table.Td>
                  <Table.Td data-label="Sent">
                    {/* One block, so a phone's stacked row keeps the two lines together. */}
                    <div>
                      {r.sendings === 0 ? 'Not yet' : countOf(r.sendings, 'time')}
                      {r.lastSentAt ? (
                        <Text size="xs" c="dimmed">
                          Last {dateTime(r.lastSentAt)}
                        </Text>
                      ) : null}
                    </div>
                  </Table.Td>
                  {mayManage ? (
                    <Table.Td>
                      {!r.stopped && r.nextOn ? (
                        <Button
                          size="xs"
                          variant="default"
                          loading={stop.isPending}
                          onClick={() =>
                            stop.mutate([{ orgId: org.orgId, securityReminderId: r.id }])
                          }
                        >
                          Stop {r.reference}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
        <Text component="h2" fw={600} size="lg">
          Sending log
        </Text>
        {log.isError ? <ErrorNotice error={log.error} onRetry={() => void log.refetch()} /> : null}
        {log.data && sendings.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing sent yet.
          </Text>
        ) : null}
        {sendings.length > 0 ? (
          <ScrollTable label="Sending log" stack minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Reminder</Table.Th>
                <Table.Th>To whom, and how</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sendings.map((s) => (
                <Table.Tr key={s.id} data-testid="sending">
                  <Table.Td>{dateTime(s.sentAt)}</Table.Td>
                  <Table.Td data-label="Reminder">
                    <div>
                      {s.reminder.reference} {s.reminder.title}
                      <Text size="xs" c="dimmed">
                        To {countOf(s.recipients, 'person', 'people')}
                      </Text>
                    </div>
                  </Table.Td>
                  <Table.Td data-label="To whom, and how">
                    <Stack gap={2}>
                      {s.deliveries.map((d, i) => (
                        <Text size="xs" key={`${s.id}-${i}`}>
                          {d.name}: {REMINDER_CHANNEL_LABELS[d.channel]}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
      </Stack>
      {scheduling ? (
        <ScheduleDialog orgId={org.orgId} onClose={() => setScheduling(false)} />
      ) : null}
    </>
  );
}
