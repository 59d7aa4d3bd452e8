import { Center, Loader } from '@mantine/core';

/** What shows while the session or a page's code loads: a small spinner, named for screen readers. */
export function PageLoading() {
  return (
    <Center h="100vh">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}
