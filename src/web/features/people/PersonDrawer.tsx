import { Drawer, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  CLEARANCE_OUTCOMES,
  CLEARANCE_OUTCOME_LABELS,
  PERSON_KINDS,
  PERSON_KIND_LABELS,
  type Person,
  type PersonBody,
} from '../../../contracts/people-schemas';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { FormFooter } from '../../components/FormFooter';
import { useMemberOptions } from '../organizations/useMemberOptions';
import { options } from './words';

function initial(p: Person | null): PersonBody {
  return p
    ? {
        kind: p.kind,
        name: p.name,
        email: p.email,
        employeeId: p.employeeId,
        jobRole: p.jobRole,
        departmentId: p.department?.id ?? null,
        managerId: p.manager?.id ?? null,
        location: p.location,
        startDate: p.startDate,
        endDate: p.endDate,
        clearanceOutcome: p.clearanceOutcome,
        clearanceDate: p.clearanceDate,
        ...(p.clearanceNote === null ? {} : { clearanceNote: p.clearanceNote }),
        authorizationNote: p.authorizationNote,
        supervisionNote: p.supervisionNote,
        userId: p.user?.id ?? null,
      }
    : { kind: 'employee', name: '' };
}

/** Adds a person to the roster, or changes one, in a drawer beside the list. */
export function PersonDrawer(props: { person: Person | null; onClose: () => void }) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const [form, setForm] = useState<PersonBody>(() => initial(props.person));
  const set = (patch: Partial<PersonBody>) => setForm((f) => ({ ...f, ...patch }));
  const departments = useApiQuery(api.people.listDepartments, orgId ? [{ orgId }] : null);
  const people = useApiQuery(api.people.list, orgId ? [{ orgId }, { limit: 200 }] : null);
  const members = useMemberOptions({ current: props.person?.user });
  const create = useApiMutation(api.people.create, { onSuccess: props.onClose });
  const update = useApiMutation(api.people.update, { onSuccess: props.onClose });
  const save = props.person ? update : create;
  const errors = fieldErrors(save.error, {
    name: 'The name',
    email: 'The email',
    endDate: 'The end date',
    managerId: 'The manager',
    employeeId: 'The employee id',
  });
  const text = (key: 'name' | 'jobRole' | 'location', label: string, required = false) => (
    <TextInput
      label={label}
      withAsterisk={required}
      value={form[key] ?? ''}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
      error={errors[key]}
    />
  );
  const date = (key: 'startDate' | 'endDate' | 'clearanceDate', label: string) => (
    <TextInput
      type="date"
      label={label}
      value={form[key] ?? ''}
      onChange={(e) => set({ [key]: e.currentTarget.value || null })}
      error={errors[key]}
    />
  );
  const note = (
    key: 'clearanceNote' | 'authorizationNote' | 'supervisionNote',
    label: string,
    description: string,
  ) => (
    <Textarea
      label={label}
      description={description}
      autosize
      minRows={2}
      value={form[key] ?? ''}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
    />
  );
  const departmentChoices = (departments.data?.data ?? [])
    .filter((d) => !d.archived || d.id === form.departmentId)
    .map((d) => ({ value: d.id, label: d.name }));
  const managerChoices = (people.data?.data ?? [])
    .filter((p) => p.id !== props.person?.id)
    .map((p) => ({ value: p.id, label: `${p.name} (${p.jobRole || p.reference})` }));
  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size="lg"
      title={props.person ? `Change ${props.person.name}` : 'Add a person'}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body = {
            ...form,
            email: form.email === '' ? null : form.email,
            employeeId: form.employeeId === '' ? null : form.employeeId,
          };
          if (props.person) update.mutate([{ orgId, personId: props.person.id }, body]);
          else create.mutate([{ orgId }, body]);
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {text('name', 'Name', true)}
            <Select
              label="Kind"
              data={options(PERSON_KINDS, PERSON_KIND_LABELS)}
              value={form.kind}
              onChange={(v) => set({ kind: PERSON_KINDS.find((k) => k === v) ?? 'employee' })}
              allowDeselect={false}
            />
            <TextInput
              label="Email"
              type="email"
              value={form.email ?? ''}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={errors.email}
            />
            <TextInput
              label="Employee id"
              value={form.employeeId ?? ''}
              onChange={(e) => set({ employeeId: e.currentTarget.value })}
              error={errors.employeeId}
            />
            {text('jobRole', 'Job role')}
            <Select
              label="Department"
              data={departmentChoices}
              value={form.departmentId ?? null}
              onChange={(v) => set({ departmentId: v })}
              clearable
              searchable
            />
            <Select
              label="Manager"
              data={managerChoices}
              value={form.managerId ?? null}
              onChange={(v) => set({ managerId: v })}
              clearable
              searchable
              error={errors.managerId}
            />
            {text('location', 'Location')}
            {date('startDate', 'Start date')}
            {date('endDate', 'End date (last day worked)')}
            <Select
              label="Custos account"
              description="Linked by email when left empty"
              data={members}
              value={form.userId ?? null}
              onChange={(v) => set({ userId: v })}
              clearable
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label="Background check"
              data={options(CLEARANCE_OUTCOMES, CLEARANCE_OUTCOME_LABELS)}
              value={form.clearanceOutcome ?? null}
              onChange={(v) =>
                set({ clearanceOutcome: CLEARANCE_OUTCOMES.find((o) => o === v) ?? null })
              }
              clearable
            />
            {date('clearanceDate', 'Checked on')}
          </SimpleGrid>
          {props.person?.clearanceNote === null
            ? null
            : note(
                'clearanceNote',
                'Clearance note',
                'Seen by owners, administrators and the Security Official only',
              )}
          {note('authorizationNote', 'Authorization', 'What this person may do and reach')}
          {note('supervisionNote', 'Supervision', 'Who supervises them where ePHI is reachable')}
          <FormFooter
            mutation={save}
            fieldErrors={errors}
            label={props.person ? 'Save' : 'Add person'}
            done="Saved."
          />
        </Stack>
      </form>
    </Drawer>
  );
}
