import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Department } from '../../../contracts/people-schemas';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { countOf } from '../../components/format';
import { ScrollTable } from '../../components/ScrollTable';

function Row({ department }: { department: Department }) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const [name, setName] = useState(department.name);
  const update = useApiMutation(api.people.updateDepartment);
  const remove = useApiMutation(api.people.removeDepartment);
  const params = { orgId, departmentId: department.id };
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`Name of ${department.name}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => {
            if (name.trim() && name !== department.name) update.mutate([params, { name }]);
          }}
          error={update.error?.message}
          size="xs"
        />
      </Table.Td>
      <Table.Td data-label="People">{countOf(department.people, 'person', 'people')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            onClick={() => update.mutate([params, { archived: !department.archived }])}
          >
            {department.archived ? `Restore ${department.name}` : `Archive ${department.name}`}
          </Button>
          {department.people === 0 ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate([params])}>
              Delete {department.name}
            </Button>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The managed list of departments: add, rename, archive; delete only an empty one. */
export function DepartmentsDialog({ onClose }: { onClose: () => void }) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const list = useApiQuery(api.people.listDepartments, orgId ? [{ orgId }] : null);
  const [name, setName] = useState('');
  const create = useApiMutation(api.people.createDepartment, { onSuccess: () => setName('') });
  return (
    <Modal opened onClose={onClose} title="Departments" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          An archived department keeps its people but takes no new ones; a department with people
          cannot be deleted.
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate([{ orgId }, { name }]);
          }}
        >
          <Group align="end">
            <TextInput
              label="New department"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Add department
            </Button>
          </Group>
        </form>
        {create.error ? (
          <Alert color="red" variant="light" role="alert">
            {create.error.message}
          </Alert>
        ) : null}
        <ScrollTable label="Departments" minWidth={480} stack>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>People</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.data ?? []).map((d) => (
              <Row key={d.id} department={d} />
            ))}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
    </Modal>
  );
}
