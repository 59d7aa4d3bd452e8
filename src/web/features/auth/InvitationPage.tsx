import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { INVITATION_STATUS_LABELS } from '../../../contracts/organizations';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { roleLabel } from '../../app/HeaderMenus';
import { useMe } from '../../app/session';
import { AuthLayout } from './AuthLayout';

/** Where an invitation link lands. The token is in the URL fragment, which never reaches a server log. */
export function InvitationPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [token] = useState(() => window.location.hash.slice(1));
  const me = useMe();
  const [form, setForm] = useState({ name: '', password: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const lookup = useApiQuery(api.organizations.lookupInvitation, token ? [{ token }] : null, {
    retry: false,
  });
  const done = async () => {
    queryClient.clear();
    await navigate('/', { replace: true });
  };
  const acceptNew = useApiMutation(api.organizations.acceptInvitationAsNew, { onSuccess: done });
  const accept = useApiMutation(api.organizations.acceptInvitation, { onSuccess: done });
  const errors = fieldErrors(acceptNew.error, { name: 'Your name', password: 'This password' });

  if (token === '' || lookup.isError) {
    return (
      <AuthLayout title="Invitation">
        <Alert color="red" variant="light" role="alert">
          {lookup.error?.message ??
            'This invitation link is incomplete. Open the link from your email again.'}
        </Alert>
      </AuthLayout>
    );
  }
  const invitation = lookup.data;
  if (!invitation) {
    return (
      <AuthLayout title="Invitation">
        <Loader size="sm" aria-label="Loading" />
      </AuthLayout>
    );
  }
  const intro = `You are invited to join ${invitation.orgName} as ${roleLabel(invitation.role).toLowerCase()}.`;
  if (invitation.status !== 'pending') {
    return (
      <AuthLayout title={`Join ${invitation.orgName}`}>
        <Alert color="orange" variant="light" role="alert">
          This invitation is {INVITATION_STATUS_LABELS[invitation.status].toLowerCase()}. Ask the
          person who invited you for a new one.
        </Alert>
      </AuthLayout>
    );
  }
  if (invitation.accountExists) {
    const signedInAs = me.data?.user.email.toLowerCase();
    return (
      <AuthLayout title={`Join ${invitation.orgName}`} subtitle={intro}>
        <Stack gap="sm">
          {accept.error ? (
            <Alert color="red" variant="light" role="alert">
              {accept.error.message}
            </Alert>
          ) : null}
          {signedInAs === invitation.email.toLowerCase() ? (
            <Button onClick={() => accept.mutate([{ token }])} loading={accept.isPending}>
              Accept the invitation
            </Button>
          ) : (
            <>
              <Text size="sm">Sign in as {invitation.email} to accept.</Text>
              <Button
                onClick={() =>
                  void navigate(`/sign-in?next=${encodeURIComponent(`/invitations#${token}`)}`)
                }
              >
                Sign in
              </Button>
            </>
          )}
        </Stack>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title={`Join ${invitation.orgName}`}
      subtitle={`${intro} Create your account for ${invitation.email}.`}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const differs = form.password !== form.confirm;
          setMismatch(differs);
          if (!differs) {
            acceptNew.mutate([{ token, name: form.name, password: form.password }]);
          }
        }}
        noValidate
      >
        <Stack gap="sm">
          {acceptNew.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {acceptNew.error.message}
            </Alert>
          ) : null}
          <TextInput
            label="Your name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.name}
            autoComplete="name"
          />
          <PasswordInput
            label="Password"
            description="At least 12 characters. A phrase of several words is strong and easy to remember."
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={errors.password}
            autoComplete="new-password"
          />
          <PasswordInput
            label="Repeat the password"
            required
            value={form.confirm}
            onChange={(e) => setForm({ ...form, confirm: e.currentTarget.value })}
            error={mismatch ? 'The two passwords differ.' : undefined}
            autoComplete="new-password"
          />
          <Button type="submit" loading={acceptNew.isPending}>
            Create account and join
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
