import { Alert, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { browserZone } from '../../components/time-zones';
import { AuthLayout } from '../auth/AuthLayout';
import { ProblemForm } from './ProblemForm';

/**
 * The anonymous reporting form: no account, no name. The link's token is in the URL fragment,
 * which never reaches a server log; the page shows the organization's name and nothing else.
 */
export function AnonymousReportPage() {
  const [token] = useState(() => window.location.hash.slice(1));
  const [sent, setSent] = useState(false);
  const lookup = useApiQuery(api.incidents.lookupAnonymous, token ? [{ token }] : null, {
    retry: false,
  });
  const report = useApiMutation(api.incidents.reportAnonymously, {
    onSuccess: () => setSent(true),
  });
  if (token === '' || lookup.isError) {
    return (
      <AuthLayout title="Report a problem">
        <Alert color="red" variant="light" role="alert">
          {lookup.error?.message ??
            'This reporting link is incomplete. Open the whole link you were given.'}
        </Alert>
      </AuthLayout>
    );
  }
  if (!lookup.data) {
    return (
      <AuthLayout title="Report a problem">
        <Loader size="sm" aria-label="Loading" />
      </AuthLayout>
    );
  }
  if (sent) {
    return (
      <AuthLayout title="Thank you">
        <Alert color="teal" variant="light" role="status">
          Your report reached {lookup.data.organizationName}&apos;s Security Official.
        </Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Report a problem"
      subtitle={`To ${lookup.data.organizationName}'s Security Official. You do not need an account and your name is not asked.`}
    >
      <ProblemForm
        timeZone={browserZone()}
        askContact
        pending={report.isPending}
        error={report.error}
        onSubmit={(fields) => report.mutate([{ token, ...fields }])}
      />
      <Text size="xs" c="dimmed" mt="sm">
        Times are in your device&apos;s time zone ({browserZone()}).
      </Text>
    </AuthLayout>
  );
}
