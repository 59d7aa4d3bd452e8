import { Alert, Button, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError } from '../api/errors';

/** An API failure as a user reads it, with the request id support needs. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  // A refusal (403) or a missing record (404) stays so on a second try: no button that cannot help.
  const status = error instanceof ApiError ? error.status : undefined;
  const final = status === 403 || status === 404;
  const title =
    status === 403
      ? 'Not open to your role'
      : status === 404
        ? 'Not found'
        : 'Could not load this page';
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title}
      role="alert"
    >
      <Text size="sm">{message}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Request id {requestId}
        </Text>
      ) : null}
      {onRetry && !final ? (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Alert>
  );
}
