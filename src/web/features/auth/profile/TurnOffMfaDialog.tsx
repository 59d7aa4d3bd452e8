import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api';
import { fieldErrors } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { useReauth } from '../../../app/reauth';

/**
 * Turning two-factor authentication off asks for a code from the app or a recovery code: a
 * signed-in browser alone must not be able to remove the second factor.
 */
export function TurnOffMfaDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const reauth = useReauth();
  const [code, setCode] = useState('');
  // Success refreshes the session (GET /api/me), which now says MFA is off.
  const disable = useApiMutation(api.auth.disableTotp, {
    through: reauth.run,
    onSuccess: () => close(),
  });
  const close = () => {
    setCode('');
    disable.reset();
    onClose();
  };
  const codeError = fieldErrors(disable.error, { code: 'The code' }).code;
  return (
    <Modal opened={opened} onClose={close} title="Turn off two-factor authentication" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          disable.mutate([{ code }]);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Without it, your password alone opens Custos. To confirm, enter a code from your
            authenticator app, or one of your unused recovery codes.
          </Text>
          <Text size="xs" c="dimmed">
            Each code works once: if you have just typed the current one, wait for the next.
          </Text>
          {disable.error && !codeError ? (
            <Alert color="red" variant="light" role="alert">
              {disable.error.message}
            </Alert>
          ) : null}
          <TextInput
            label="Code from the app or recovery code"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="one-time-code"
            error={codeError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={disable.isPending}>
              Turn off
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
