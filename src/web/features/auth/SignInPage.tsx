import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { AuthLayout } from './AuthLayout';
import { SIGNED_OUT_REASON_KEY } from './signed-out';

/** Sign-in: password, then the authenticator code when the account has one. `next` returns the user. */
export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [notice] = useState(() => {
    const reason = sessionStorage.getItem(SIGNED_OUT_REASON_KEY);
    sessionStorage.removeItem(SIGNED_OUT_REASON_KEY);
    return reason;
  });
  const enter = async () => {
    queryClient.clear();
    const next = params.get('next');
    // Only paths of this app: never an absolute URL from the query string.
    await navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };
  const signIn = useApiMutation(api.auth.signIn, {
    onSuccess: async (result) => {
      if (result.mfaRequired) {
        setStep('code');
      } else {
        await enter();
      }
    },
  });
  const verify = useApiMutation(api.auth.verifyMfa, { onSuccess: enter });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (step === 'password') {
      signIn.mutate([{ email, password }]);
    } else {
      verify.mutate([{ code }]);
    }
  };
  const error = step === 'password' ? signIn.error : verify.error;
  return (
    <AuthLayout title={step === 'password' ? 'Sign in' : 'Two-factor authentication'}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {notice && !error ? (
            <Alert color="blue" variant="light">
              {notice}
            </Alert>
          ) : null}
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error.message}
            </Alert>
          ) : null}
          {step === 'password' ? (
            <>
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
            </>
          ) : (
            <>
              <Text size="sm">
                Enter the six-digit code from your authenticator app, or one of your recovery codes.
              </Text>
              <TextInput
                label="Authentication code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
              />
            </>
          )}
          <Button type="submit" loading={signIn.isPending || verify.isPending} mt="xs">
            {step === 'password' ? 'Sign in' : 'Verify'}
          </Button>
          {step === 'password' ? (
            <Anchor component={Link} to="/reset-password" size="sm">
              Forgot your password?
            </Anchor>
          ) : null}
          {step === 'code' ? (
            <Anchor component="button" type="button" size="sm" onClick={() => setStep('password')}>
              Use another account
            </Anchor>
          ) : null}
        </Stack>
      </form>
    </AuthLayout>
  );
}
