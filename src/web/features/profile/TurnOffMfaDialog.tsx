import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend, fieldErrors } from '../../api/client';
import { useReauth } from '../../app/reauth';
import { ME_KEY } from '../../app/session';

/**
 * Turning two-factor authentication off asks for a code from the app or a recovery code: a
 * signed-in browser alone must not be able to remove the second factor.
 */
export function TurnOffMfaDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const reauth = useReauth();
  const [code, setCode] = useState('');
  const disable = useMutation({
    mutationFn: () => reauth.run(() => apiSend('DELETE', '/api/me/mfa/totp', { code })),
    onSuccess: async () => {
      close();
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
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
          disable.mutate();
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
