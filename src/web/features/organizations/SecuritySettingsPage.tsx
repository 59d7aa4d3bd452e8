import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ApiError } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { countOf } from '../../components/format';

export function SecuritySettingsPage() {
  const org = useActiveOrg();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const params = org ? { orgId: org.orgId } : null;
  const settings = useApiQuery(api.organizations.get, params && [params]);
  const [minutes, setMinutes] = useState<number | string | undefined>(undefined);
  const [days, setDays] = useState<number | string | undefined>(undefined);
  // Success also refreshes the session (its idle timeout) and the memberships (their MFA rule).
  const save = useApiMutation(api.organizations.updateSettings, {
    onSuccess: (data) => {
      if (params) {
        queryClient.setQueryData(api.organizations.get.key(params), data);
      }
    },
  });
  if (!org) {
    return <NoOrganization />;
  }
  const orgId = org.orgId;
  if (settings.isError) {
    return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const value = minutes ?? settings.data?.idleTimeoutMinutes ?? '';
  const escalation = days ?? settings.data?.escalateOverdueAfterDays ?? '';
  return (
    <>
      <PageHeader
        title="Security settings"
        description="How Custos protects this organization's records. Changes are recorded in the audit log."
      />
      <Stack gap="md" maw={640}>
        {save.error && !(save.error instanceof ApiError && save.error.details.length > 0) ? (
          <Alert color="red" variant="light" role="alert">
            {save.error.message}
          </Alert>
        ) : null}
        <Card withBorder padding="lg">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate([{ orgId }, { idleTimeoutMinutes: Number(value) }]);
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
            </Stack>
          </form>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Text fw={600}>Two-factor authentication</Text>
            <Text size="sm" c="dimmed">
              HIPAA 164.312(d). When required, members must set up an authenticator app before they
              can open this organization&apos;s records.
              {me?.user.mfaEnabled ? '' : ' Set it up for yourself first, in your profile.'}
            </Text>
            <Switch
              label="Require two-factor authentication for every member"
              checked={settings.data?.mfaRequired ?? false}
              disabled={!settings.data || save.isPending}
              onChange={(e) => save.mutate([{ orgId }, { mfaRequired: e.currentTarget.checked }])}
            />
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate([{ orgId }, { escalateOverdueAfterDays: Number(escalation) }]);
            }}
          >
            <Stack gap="sm">
              <Text fw={600}>Overdue tasks</Text>
              <Text size="sm" c="dimmed">
                A task&apos;s owner is reminded the day before it falls due and told when it is
                overdue. After this many days overdue, the Security Official is told as well.
              </Text>
              <Group align="end">
                <NumberInput
                  label="Days overdue before the Security Official hears"
                  min={1}
                  max={90}
                  // Out of range is said by the server, not silently changed on leaving the field.
                  clampBehavior="none"
                  value={escalation}
                  onChange={setDays}
                  error={
                    fieldErrors(save.error, { escalateOverdueAfterDays: 'The number of days' })
                      .escalateOverdueAfterDays
                  }
                  w={320}
                  disabled={!settings.data}
                />
                <Button type="submit" loading={save.isPending} disabled={!settings.data}>
                  Save
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {save.isSuccess ? (
          <Alert color="teal" variant="light" role="status">
            Saved. Sessions end after {countOf(save.data.idleTimeoutMinutes, 'minute')} without
            activity; two-factor authentication is {save.data.mfaRequired ? 'required' : 'optional'}
            ; the Security Official hears of tasks{' '}
            {countOf(save.data.escalateOverdueAfterDays, 'day')} overdue.
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}
