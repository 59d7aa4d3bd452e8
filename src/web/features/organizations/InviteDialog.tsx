import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ROLES, type Role } from '../../../contracts/roles';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useApiMutation } from '../../api/hooks';
import { roleLabel } from '../../app/HeaderMenus';

/** Invite someone by email with a role; auditors get an access end date. */
export function InviteDialog({
  orgId,
  canGrantOwner,
  opened,
  onClose,
}: {
  orgId: string;
  canGrantOwner: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('workforce');
  const [until, setUntil] = useState('');
  const invite = useApiMutation(api.organizations.invite, {
    onSuccess: () => {
      setEmail('');
      setUntil('');
      onClose();
    },
  });
  const errors = fieldErrors(invite.error, {
    email: 'The email address',
    role: 'The role',
    accessExpiresAt: 'The end date',
  });
  const roles = ROLES.filter((r) => canGrantOwner || r !== 'owner').map((r) => ({
    value: r,
    label: roleLabel(r),
  }));
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a member" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate([
            { orgId },
            { email, role, ...(until ? { accessExpiresAt: `${until}T23:59:59.000Z` } : {}) },
          ]);
        }}
      >
        <Stack gap="sm">
          {invite.error instanceof ApiError && invite.error.details.length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {invite.error.message}
            </Alert>
          ) : null}
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            data-autofocus
          />
          <Select
            label="Role"
            data={roles}
            value={role}
            onChange={(v) => setRole(ROLES.find((r) => r === v) ?? 'workforce')}
            allowDeselect={false}
            error={errors.role}
          />
          <TextInput
            label="Access until"
            description={
              role === 'auditor' ? 'Required: an auditor’s access ends on this date.' : 'Optional.'
            }
            type="date"
            required={role === 'auditor'}
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={errors.accessExpiresAt}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
