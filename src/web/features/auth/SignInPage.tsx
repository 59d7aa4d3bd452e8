import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { apiSend } from '../../api/client';
import { AuthLayout } from './AuthLayout';

export const SIGNED_OUT_REASON_KEY = 'custos-signed-out-reason';

/** Sign-in. `next` brings the user back where they were. */
export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [notice] = useState(() => {
    const reason = sessionStorage.getItem(SIGNED_OUT_REASON_KEY);
    sessionStorage.removeItem(SIGNED_OUT_REASON_KEY);
    return reason;
  });
  const signIn = useMutation({
    mutationFn: () => apiSend('POST', '/api/auth/sign-in', { email, password }),
    onSuccess: async () => {
      queryClient.clear();
      const next = params.get('next');
      // Only paths of this app: never an absolute URL from the query string.
      await navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', {
        replace: true,
      });
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <AuthLayout title="Sign in">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {notice && !signIn.error ? (
            <Alert color="blue" variant="light">
              {notice}
            </Alert>
          ) : null}
          {signIn.error ? (
            <Alert color="red" variant="light" role="alert">
              {signIn.error.message}
            </Alert>
          ) : null}
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            autoComplete="username"
            autoFocus
          />
          <PasswordInput
            label="Password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
          />
          <Button type="submit" loading={signIn.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
