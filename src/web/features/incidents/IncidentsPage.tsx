import { Alert, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';

/** The organization's incidents, and a form to add one. */
export function IncidentsPage() {
  const org = useActiveOrg();
  const list = useApiQuery(api.incidents.list, org ? [{ orgId: org.orgId }] : null);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const create = useApiMutation(api.incidents.create, {
    onSuccess: () => {
      setName('');
      setNotes('');
    },
  });
  if (!org) {
    return <NoOrganization />;
  }
  const errors = fieldErrors(create.error, { name: 'The name', notes: 'The notes' });
  const records = list.data?.data ?? [];
  return (
    <>
      <PageHeader title="Incidents" description="Security incidents: report, respond, review" />
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Stack gap="sm" maw={860}>
        {can(org.role, api.incidents.create) ? (
          <Card withBorder padding="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                create.mutate([{ orgId: org.orgId }, { name, notes }]);
              }}
            >
              <Stack gap="sm">
                <TextInput
                  label="Name"
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                />
                <Textarea
                  label="Notes"
                  autosize
                  minRows={2}
                  value={notes}
                  onChange={(e) => setNotes(e.currentTarget.value)}
                  error={errors.notes}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={create.isPending}>
                    Add
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        ) : null}
        {list.isSuccess && records.length === 0 ? (
          <Alert variant="light">Nothing recorded yet.</Alert>
        ) : null}
        {records.map((record) => (
          <Card key={record.id} withBorder padding="md">
            <Text fw={600} size="sm">
              {record.reference} {record.name}
            </Text>
            {record.notes ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {record.notes}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    </>
  );
}
