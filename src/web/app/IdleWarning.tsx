import { Button, Group, Modal, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { authApi } from '../api/auth';
import { useApiQuery } from '../api/hooks';
import { SIGNED_OUT_REASON_KEY } from '../features/auth/signed-out';
import { ME_KEY } from './session';
import { countOf } from '../components/format';

const WARN_MS = 60_000;

/**
 * 164.312(a)(2)(iii) automatic logoff, as the user sees it: a warning a minute before the server
 * ends an idle session, with the choice to stay; then the sign-in page saying what happened.
 * Polls a passive endpoint that does not itself count as activity.
 */
export function IdleWarning() {
  const queryClient = useQueryClient();
  const session = useApiQuery(authApi.session, [], {
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
  });
  const [now, setNow] = useState(() => Date.now());
  const ticker = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);

  const info = session.data;
  const remaining = info ? Date.parse(info.idleExpiresAt) - now : Infinity;
  const expired = remaining <= 0;
  useEffect(() => {
    if (expired && info) {
      sessionStorage.setItem(
        SIGNED_OUT_REASON_KEY,
        `You were signed out after ${countOf(info.idleTimeoutMinutes, 'minute')} without activity (automatic logoff).`,
      );
      queryClient.setQueryData(ME_KEY, null);
    }
  }, [expired, info, queryClient]);

  const stay = async () => {
    await authApi.me();
    await session.refetch();
  };
  const signOut = async () => {
    await authApi.signOut().catch(() => undefined);
    queryClient.setQueryData(ME_KEY, null);
  };
  const seconds = Math.max(0, Math.ceil(remaining / 1000));
  return (
    <Modal
      opened={remaining <= WARN_MS && !expired}
      onClose={() => void stay()}
      title="Are you still there?"
      centered
      closeOnClickOutside={false}
    >
      <Text size="sm" mb="md" aria-live="polite">
        To protect patient information, you will be signed out in {countOf(seconds, 'second')}{' '}
        because of inactivity.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void signOut()}>
          Sign out
        </Button>
        <Button onClick={() => void stay()} data-autofocus>
          Stay signed in
        </Button>
      </Group>
    </Modal>
  );
}
