import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, roleOf } from '../../../contracts/roles';
import {
  REMINDER_SCHEDULE_LABELS,
  REMINDER_SCHEDULES,
  type ReminderSchedule,
} from '../../../contracts/security-reminders';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';
import { PeoplePicker } from '../../components/PeoplePicker';
import { useOrgTime } from '../../components/useOrgTime';

/** Schedules a security reminder to roles, departments and people (164.308(a)(5)(ii)(A)). */
export function ScheduleDialog(props: { orgId: string; onClose: () => void }) {
  const { orgId } = props;
  const { today } = useOrgTime();
  const departments = useApiQuery(api.people.listDepartments, [{ orgId }]);
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [schedule, setSchedule] = useState<ReminderSchedule>('monthly');
  const [startsOn, setStartsOn] = useState(today());
  const [roles, setRoles] = useState<string[]>(['workforce']);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const create = useApiMutation(api.securityReminders.create, { onSuccess: props.onClose });
  const errors = fieldErrors(create.error, {
    title: 'The title',
    message: 'The message',
    linkUrl: 'The link',
    startsOn: 'The first sending',
    roles: 'The roles',
    departmentIds: 'The departments',
    personIds: 'The people',
  });
  const starting = (k: string) => Object.entries(errors).find(([key]) => key.startsWith(k))?.[1];
  return (
    <Modal opened onClose={props.onClose} title="Schedule a security reminder" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate([
            { orgId },
            {
              title,
              message,
              linkUrl: linkUrl.trim() === '' ? null : linkUrl,
              schedule,
              startsOn,
              roles: roles.map(roleOf),
              departmentIds,
              personIds,
            },
          ]);
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Title"
            description="Shown in notifications and email subjects: never patient information."
            required
            maxLength={120}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Message"
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={errors.message}
          />
          <TextInput
            label="Link (optional)"
            placeholder="https://"
            type="url"
            value={linkUrl}
            onChange={(e) => setLinkUrl(e.currentTarget.value)}
            error={errors.linkUrl}
          />
          <Group grow align="flex-start">
            <Select
              label="How often"
              data={REMINDER_SCHEDULES.map((s) => ({
                value: s,
                label: REMINDER_SCHEDULE_LABELS[s],
              }))}
              value={schedule}
              onChange={(v) => setSchedule(REMINDER_SCHEDULES.find((s) => s === v) ?? 'monthly')}
              allowDeselect={false}
            />
            <TextInput
              label="First sending"
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              description="Today sends it at once."
              error={errors.startsOn}
            />
          </Group>
          <MultiSelect
            label="Everyone whose account has these roles"
            data={ROLES.filter((r) => r !== 'auditor').map((r) => ({
              value: r,
              label: ROLE_LABELS[r],
            }))}
            value={roles}
            onChange={setRoles}
            error={errors.roles}
          />
          <MultiSelect
            label="Departments"
            data={(departments.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentIds}
            onChange={setDepartmentIds}
            searchable
            error={starting('departmentIds')}
          />
          <PeoplePicker
            orgId={orgId}
            label="And these people"
            value={personIds}
            onChange={setPersonIds}
            error={starting('personIds')}
          />
          <Text size="xs" c="dimmed">
            Members get it in Custos and by email (as they chose); people on the roster without an
            account get it at their roster email address. Each sending is logged below.
          </Text>
          {create.isError && Object.keys(errors).length === 0 ? (
            <MutationError error={create.error} action="schedule the reminder" />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Schedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
