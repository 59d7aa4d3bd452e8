import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth';
import { authApi } from '../api/auth';
import { useApiMutation } from '../api/hooks';
import { formatDue } from '../components/format';
import { AuthLayout } from '../features/auth/AuthLayout';
import { forgetSession } from './session';

/**
 * What a person whose access ended with their employment sees on signing in: which organization,
 * since when, and nothing of its records (164.308(a)(3)(ii)(C)).
 */
/** "at the end of 29 May", or "on 3 Dec, 17:30 CST": in the organization's zone. */
function when(access: Me['endedAccess'][number]): string {
  const due = formatDue(access.endedAt, access.timeZone);
  return due.startsWith('end of') ? `at the ${due}` : `on ${due}`;
}

export function AccessEndedPage({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const signOut = useApiMutation(authApi.signOut, {
    onSuccess: () => forgetSession(queryClient),
    onError: () => forgetSession(queryClient),
  });
  const [latest, ...others] = me.endedAccess;
  const names = me.endedAccess.map((a) => a.orgName);
  return (
    <AuthLayout
      title="Your access has ended"
      subtitle={
        latest
          ? `Your access to ${names.join(', ')} ended with your employment.`
          : 'You are not a member of any organization.'
      }
    >
      <Stack gap="sm">
        {latest ? (
          <Text size="sm">
            Your access to {latest.orgName} ended {when(latest)}
            {others.length > 0 ? ', and to the others before it' : ''}. You can no longer see or
            change its records in Custos.
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          If this is a mistake, or you have come back, ask an owner or administrator of the
          organization to restore your access.
        </Text>
        <Button onClick={() => signOut.mutate([])} loading={signOut.isPending}>
          Sign out
        </Button>
      </Stack>
    </AuthLayout>
  );
}
