import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { AuthLayout } from './AuthLayout';

/** Without a token: ask for a reset link. With one (in the URL fragment, never logged): set a new password. */
export function ResetPasswordPage() {
  const [token] = useState(() => window.location.hash.slice(1));
  return token ? <NewPassword token={token} /> : <RequestLink />;
}

function RequestLink() {
  const [email, setEmail] = useState('');
  const request = useApiMutation(api.auth.requestPasswordReset);
  return (
    <AuthLayout title="Reset your password">
      {request.isSuccess ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            If {email} has an account, a link to choose a new password is on its way. It works once,
            for an hour.
          </Alert>
          <Anchor component={Link} to="/sign-in" size="sm">
            Back to sign-in
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate([{ email }]);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              Enter the email address of your account. We will send you a link to choose a new
              password.
            </Text>
            <TextInput
              label="Email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors(request.error, { email: 'The email address' }).email}
              autoComplete="email"
            />
            <Button type="submit" loading={request.isPending}>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

function NewPassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  // On by default: people reset after a compromise, and a token keeps working without a session.
  const [revokeTokens, setRevokeTokens] = useState(true);
  const complete = useApiMutation(api.auth.completePasswordReset);
  const errors = fieldErrors(complete.error, { password: 'This password' });
  return (
    <AuthLayout title="Choose a new password">
      {complete.isSuccess ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            Your password is changed, and every session of your account was signed out.{' '}
            {revokeTokens
              ? 'Your API tokens were revoked: create new ones for your scripts and integrations.'
              : 'Your API tokens still work.'}
          </Alert>
          <Button component={Link} to="/sign-in">
            Sign in
          </Button>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setMismatch(password !== confirm);
            if (password === confirm) {
              complete.mutate([{ token, password, revokeTokens }]);
            }
          }}
        >
          <Stack gap="sm">
            {complete.error && !errors.password ? (
              <Alert color="red" variant="light" role="alert">
                {complete.error.message}
              </Alert>
            ) : null}
            <PasswordInput
              label="New password"
              description="At least 12 characters; a phrase of several words is best."
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              autoComplete="new-password"
            />
            <PasswordInput
              label="Repeat the new password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={mismatch ? 'The two passwords differ.' : undefined}
              autoComplete="new-password"
            />
            <Checkbox
              label="Also revoke my API tokens"
              description="Recommended if someone else may know your password: a token keeps working after every session ends. Scripts using your tokens stop until you create new ones."
              checked={revokeTokens}
              onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
            />
            <Button type="submit" loading={complete.isPending}>
              Set the new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
