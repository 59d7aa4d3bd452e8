import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, roleOf } from '../../../contracts/roles';
import {
  TRAINING_FREQUENCIES,
  TRAINING_FREQUENCY_LABELS,
  type TrainingFrequency,
} from '../../../contracts/training';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';
import { PeoplePicker } from '../../components/PeoplePicker';

const FREQUENCY_HELP: Record<TrainingFrequency, string> = {
  once: 'Everyone it names, once: due the days below after today (or after their start date).',
  yearly: 'As once, then again every twelve months.',
  at_hire: 'People who start from today on, due the days below after their start date.',
};

/** Assigns a course to membership roles, departments of the roster and named people. */
export function AssignDialog(props: { orgId: string; onClose: () => void }) {
  const { orgId } = props;
  const courses = useApiQuery(api.training.courses, [{ orgId }]);
  const departments = useApiQuery(api.people.listDepartments, [{ orgId }]);
  const [courseId, setCourseId] = useState<string | null>(null);
  const [frequency, setFrequency] = useState<TrainingFrequency>('yearly');
  const [days, setDays] = useState<number | string>(30);
  const [roles, setRoles] = useState<string[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const assign = useApiMutation(api.training.assign, { onSuccess: props.onClose });
  const errors = fieldErrors(assign.error, {
    courseId: 'The course',
    dueDays: 'The days',
    roles: 'The roles',
    departmentIds: 'The departments',
    personIds: 'The people',
  });
  return (
    <Modal opened onClose={props.onClose} title="Assign training" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!courseId) return;
          assign.mutate([
            { orgId },
            {
              courseId,
              frequency,
              dueDays: Number(days),
              roles: roles.map(roleOf),
              departmentIds,
              personIds,
            },
          ]);
        }}
      >
        <Stack gap="sm">
          <Select
            label="Course"
            required
            searchable
            data={(courses.data?.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            value={courseId}
            onChange={setCourseId}
            error={errors.courseId}
          />
          <Select
            label="How often"
            data={TRAINING_FREQUENCIES.map((f) => ({
              value: f,
              label: TRAINING_FREQUENCY_LABELS[f],
            }))}
            value={frequency}
            onChange={(v) => setFrequency(TRAINING_FREQUENCIES.find((f) => f === v) ?? 'yearly')}
            description={FREQUENCY_HELP[frequency]}
            allowDeselect={false}
          />
          <NumberInput
            label="Days to complete"
            min={1}
            max={365}
            value={days}
            onChange={setDays}
            error={errors.dueDays}
          />
          <MultiSelect
            label="Departments"
            data={(departments.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentIds}
            onChange={setDepartmentIds}
            searchable
            error={Object.entries(errors).find(([k]) => k.startsWith('departmentIds'))?.[1]}
          />
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
          <PeoplePicker
            orgId={orgId}
            label="And these people"
            value={personIds}
            onChange={setPersonIds}
            error={Object.entries(errors).find(([k]) => k.startsWith('personIds'))?.[1]}
          />
          <Text size="xs" c="dimmed">
            Each person on the roster it names is asked at once, reminded as the due date nears, and
            the Security Official is told when someone is long overdue.
          </Text>
          {assign.isError && Object.keys(errors).length === 0 ? (
            <MutationError error={assign.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={assign.isPending} disabled={!courseId}>
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
