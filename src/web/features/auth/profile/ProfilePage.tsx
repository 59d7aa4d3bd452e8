import { Alert, Stack } from '@mantine/core';
import { useMe, activeMembership } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { PreferencesSection } from '../../notifications/PreferencesSection';
import { MfaSection } from './MfaSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';

export function ProfilePage() {
  const me = useMe().data;
  if (!me) {
    return null;
  }
  const mustEnrol = activeMembership(me)?.mfaRequired === true && !me.user.mfaEnabled;
  return (
    <>
      <PageHeader title="Your profile" description={`${me.user.name} · ${me.user.email}`} />
      <Stack gap="md" maw={860}>
        {mustEnrol ? (
          <Alert
            color="orange"
            variant="light"
            title="Two-factor authentication is required"
            role="alert"
          >
            Your organization requires a second factor. Set up an authenticator app below to
            continue working in Custos.
          </Alert>
        ) : null}
        <MfaSection me={me} />
        <PreferencesSection />
        <PasswordSection />
        <SessionsSection />
        <TokensSection me={me} />
      </Stack>
    </>
  );
}
