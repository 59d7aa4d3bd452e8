import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/auth';
import { useOrgTime } from '../components/useOrgTime';
import { ME_KEY, useMe } from './session';

/**
 * Tells a member, after they sign in, that an administrator issued a link to reset their password:
 * who, when, and whether it was used (164.308(a)(5)(ii)(C): the person learns of access to their
 * account they did not make). Shown until they acknowledge it.
 */
export function PasswordResetNotice() {
  const me = useMe().data;
  const when = useOrgTime().dateTime;
  const queryClient = useQueryClient();
  const seen = useMutation({
    mutationFn: () => authApi.acknowledgePasswordResetNotices(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
  const notices = me?.passwordResetNotices ?? [];
  return (
    <Modal
      opened={notices.length > 0}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title="An administrator issued you a password reset link"
    >
      <Stack gap="sm">
        {notices.map((n) => (
          <Text key={n.issuedAt} size="sm">
            {n.issuedBy}
            {n.organization ? ` (${n.organization})` : ''} issued a link to reset your password on{' '}
            {when(n.issuedAt)}.{' '}
            {n.usedAt
              ? `It was used to set a new password on ${when(n.usedAt)}.`
              : `It has not been used; it stops working on ${when(n.expiresAt)}.`}
          </Text>
        ))}
        <Alert variant="light" color="orange">
          If you did not ask for this, tell your Security Official now and change your password.
        </Alert>
        {seen.error ? (
          <Alert color="red" variant="light" role="alert">
            {seen.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button loading={seen.isPending} onClick={() => seen.mutate()}>
            I understand
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
