import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ApiError } from '../../api/errors';
import { browserZone } from '../../components/time-zones';
import { AuthLayout } from './AuthLayout';

/** First run: the organization and its owner (the security official, usually). */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ orgName: '', name: '', email: '', password: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const [noPassword, setNoPassword] = useState(false);
  const setup = useApiMutation(api.auth.setup, {
    onSuccess: async () => {
      // Drop the cached "signed out, setup needed" answers before entering the app.
      queryClient.clear();
      await navigate('/', { replace: true });
    },
  });
  const errors = fieldErrors(setup.error, {
    'organization.name': 'The organization name',
    'owner.name': 'Your name',
    'owner.email': 'The email address',
    'owner.password': 'This password',
  });
  const set = (key: keyof typeof form) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const differs = form.password !== form.confirm;
    const empty = form.password === '';
    setMismatch(differs);
    setNoPassword(empty);
    if (!differs && !empty) {
      setup.mutate([
        {
          organization: { name: form.orgName, timeZone: browserZone() },
          owner: { name: form.name, email: form.email, password: form.password },
        },
      ]);
    }
  };
  const state = useApiQuery(api.auth.setupState, []);
  if (state.data?.needed === false && !setup.isSuccess) {
    return <Navigate to="/" replace />;
  }
  const generalError =
    setup.error instanceof ApiError && setup.error.details.length === 0
      ? setup.error.message
      : null;
  return (
    <AuthLayout
      title="Set up Custos"
      subtitle="Create your organization and your own account. You will be its owner and can invite your team afterwards."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {generalError ? (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          ) : null}
          <TextInput
            label="Organization"
            description="Your practice, clinic, hospital or company"
            required
            value={form.orgName}
            onChange={set('orgName')}
            error={errors['organization.name']}
            autoComplete="organization"
          />
          <Divider my={4} />
          <TextInput
            label="Your name"
            required
            value={form.name}
            onChange={set('name')}
            error={errors['owner.name']}
            autoComplete="name"
          />
          <TextInput
            label="Email"
            type="email"
            required
            value={form.email}
            onChange={set('email')}
            error={errors['owner.email']}
            autoComplete="email"
          />
          <PasswordInput
            label="Password"
            description="At least 12 characters. A phrase of several words is strong and easy to remember."
            required
            value={form.password}
            onChange={set('password')}
            error={noPassword ? 'Choose a password.' : errors['owner.password']}
            autoComplete="new-password"
          />
          <PasswordInput
            label="Repeat the password"
            required
            value={form.confirm}
            onChange={set('confirm')}
            error={mismatch ? 'The two passwords differ.' : undefined}
            autoComplete="new-password"
          />
          <Button type="submit" loading={setup.isPending} mt="xs">
            Create organization
          </Button>
          <Text size="xs" c="dimmed">
            Everything you record stays on this server. Every change is kept in a tamper-evident
            audit trail.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
