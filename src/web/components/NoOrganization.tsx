import { Alert } from '@mantine/core';

export function NoOrganization() {
  return (
    <Alert color="gray" variant="light" title="No organization">
      You are not a member of any organization at the moment. Ask an owner or administrator to
      invite you.
    </Alert>
  );
}
