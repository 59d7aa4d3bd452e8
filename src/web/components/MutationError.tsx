import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError } from '../api/errors';

/**
 * A change that was refused or failed, said beside the button that asked for it: the page itself
 * loaded (ErrorNotice is for a page that did not). `action` names the act: "approve", "save".
 */
export function MutationError({ error, action }: { error: Error | null; action?: string }) {
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  const title =
    status === 403 ? 'Not open to your role' : action ? `Could not ${action}` : 'Not done';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title}
      role="alert"
    >
      <Text size="sm">{error.message}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Request id {requestId}
        </Text>
      ) : null}
    </Alert>
  );
}
