import { Alert, Button, Card, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api';
import { fieldErrors } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';

export function PasswordSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useApiMutation(api.auth.changePassword, {
    onSuccess: () => {
      setCurrent('');
      setNext('');
    },
  });
  const errors = fieldErrors(change.error, {
    currentPassword: 'The current password',
    newPassword: 'The new password',
  });
  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate([{ currentPassword: current, newPassword: next }]);
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>Password</Text>
          <Group align="start" grow>
            <PasswordInput
              label="Current password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.currentPassword}
              autoComplete="current-password"
            />
            <PasswordInput
              label="New password"
              placeholder="at least 12 characters"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={errors.newPassword}
              autoComplete="new-password"
            />
          </Group>
          <Group>
            <Button type="submit" variant="default" loading={change.isPending}>
              Change password
            </Button>
          </Group>
          {change.isSuccess ? (
            <Alert color="teal" variant="light" role="status">
              Password changed. Your other sessions were signed out; your API tokens still work
              (revoke them below, or with “Sign out everywhere”).
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
