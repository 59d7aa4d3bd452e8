import { Container } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';

// Shown when a page fails to load (e.g. a chunk missing after a deploy).
export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <ErrorNotice error={error} onRetry={() => window.location.reload()} />
    </Container>
  );
}
