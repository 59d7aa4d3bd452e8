import { Alert, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OrganizationSchema } from '../../../contracts/identity';
import { apiGet, apiSend, fieldErrors } from '../../api/client';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';

export function SecuritySettingsPage() {
  const org = useActiveOrg();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['organization', org?.orgId],
    enabled: org !== undefined,
    queryFn: () => apiGet(`/api/orgs/${org?.orgId ?? ''}`, OrganizationSchema),
  });
  const [minutes, setMinutes] = useState<number | string | undefined>(undefined);
  const save = useMutation({
    mutationFn: (idleTimeoutMinutes: number) =>
      apiSend(
        'PATCH',
        `/api/orgs/${org?.orgId ?? ''}/settings`,
        { idleTimeoutMinutes },
        OrganizationSchema,
      ),
    onSuccess: async (data) => {
      queryClient.setQueryData(['organization', org?.orgId], data);
      await queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
  if (!org) {
    return <NoOrganization />;
  }
  if (settings.isError) {
    return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const value = minutes ?? settings.data?.idleTimeoutMinutes ?? '';
  return (
    <>
      <PageHeader
        title="Security settings"
        description="How Custos protects this organization's records. Changes are recorded in the audit log."
      />
      <Card withBorder padding="lg" maw={640}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(Number(value));
          }}
        >
          <Stack gap="sm">
            <Text fw={600}>Automatic logoff</Text>
            <Text size="sm" c="dimmed">
              HIPAA 164.312(a)(2)(iii). Members are signed out after this many minutes without
              activity, with a warning a minute before.
            </Text>
            <Group align="end">
              <NumberInput
                label="Minutes without activity"
                min={5}
                max={60}
                step={5}
                value={value}
                onChange={setMinutes}
                error={
                  fieldErrors(save.error, { idleTimeoutMinutes: 'The time' }).idleTimeoutMinutes
                }
                w={220}
                disabled={!settings.data}
              />
              <Button type="submit" loading={save.isPending} disabled={!settings.data}>
                Save
              </Button>
            </Group>
            {save.isSuccess ? (
              <Alert color="teal" variant="light" role="status">
                Saved. Sessions in this organization now end after {save.data?.idleTimeoutMinutes}{' '}
                minutes without activity.
              </Alert>
            ) : null}
          </Stack>
        </form>
      </Card>
    </>
  );
}
