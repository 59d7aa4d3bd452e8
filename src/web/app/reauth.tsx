import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { authApi } from '../api/auth';
import { ApiError } from '../api/errors';
import { useMe } from './session';

const RECENT_MS = 10 * 60_000;

interface Reauth {
  /** Runs `action`; when the server asks for a recent sign-in, asks for the password (and code) and retries. */
  run: <T>(action: () => Promise<T>) => Promise<T>;
  /** Makes sure the last sign-in is recent (for plain links such as exports), asking if needed. */
  ensureRecent: () => Promise<void>;
}

const ReauthContext = createContext<Reauth | null>(null);

export function useReauth(): Reauth {
  const value = useContext(ReauthContext);
  if (!value) {
    throw new Error('useReauth outside ReauthProvider');
  }
  return value;
}

/** The "confirm it's you" dialog for sensitive actions (MFA changes, audit exports…). */
export function ReauthProvider({ children }: { children: ReactNode }) {
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<{ resolve: () => void; reject: (e: unknown) => void } | null>(null);

  const ask = useCallback(
    () =>
      new Promise<void>((resolve, reject) => {
        pending.current = { resolve, reject };
        setPassword('');
        setCode('');
        setError(null);
        setOpen(true);
      }),
    [],
  );

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'reauthentication_required') {
          await ask();
          return action();
        }
        throw e;
      }
    },
    [ask],
  );

  const ensureRecent = useCallback(async () => {
    const info = await authApi.session();
    if (Date.now() - Date.parse(info.authenticatedAt) > RECENT_MS - 30_000) {
      await ask();
    }
  }, [ask]);

  const submit = async () => {
    setBusy(true);
    try {
      await authApi.reauthenticate({ password, ...(code ? { code } : {}) });
      setOpen(false);
      pending.current?.resolve();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not confirm.');
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setOpen(false);
    pending.current?.reject(new Error('Cancelled.'));
  };

  return (
    <ReauthContext.Provider value={{ run, ensureRecent }}>
      {children}
      <Modal opened={open} onClose={cancel} title="Confirm it's you" centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              This action needs a recent sign-in. Enter your password
              {me?.user.mfaEnabled ? ' and a code from your authenticator app' : ''}.
            </Text>
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            ) : null}
            <PasswordInput
              label="Password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              data-autofocus
            />
            {me?.user.mfaEnabled ? (
              <TextInput
                label="Authentication code"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Confirm
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </ReauthContext.Provider>
  );
}
