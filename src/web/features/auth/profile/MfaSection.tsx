import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Image,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { Me } from '../../../../contracts/auth';
import { api } from '../../../api';
import { fieldErrors } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { useReauth } from '../../../app/reauth';
import { TurnOffMfaDialog } from './TurnOffMfaDialog';

/** 164.312(d): set up, replace or turn off the authenticator app, and the recovery codes. */
export function MfaSection({ me }: { me: Me }) {
  const reauth = useReauth();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useApiMutation(api.auth.startTotp, { through: reauth.run });
  // Success refreshes the session (GET /api/me), which now says MFA is on.
  const confirm = useApiMutation(api.auth.confirmTotp, {
    onSuccess: (data) => {
      setRecoveryCodes(data.recoveryCodes);
      start.reset();
      setCode('');
    },
  });
  const regenerate = useApiMutation(api.auth.regenerateRecoveryCodes, {
    through: reauth.run,
    onSuccess: (data) => setRecoveryCodes(data.recoveryCodes),
  });
  const [turningOff, setTurningOff] = useState(false);
  const enabled = me.user.mfaEnabled;
  const enrolment = start.data;

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Two-factor authentication</Text>
          <Badge variant="dot" color={enabled ? 'teal' : 'gray'}>
            {enabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          A six-digit code from an authenticator app (Google Authenticator, Microsoft Authenticator,
          1Password…) is asked after your password, so a stolen password alone does not open Custos.
        </Text>

        {recoveryCodes ? (
          <Alert color="yellow" variant="light" title="Save your recovery codes now" role="status">
            <Text size="sm" mb="xs">
              Each code signs you in once if you lose your phone. They are shown only this time:
              print them or keep them in your password manager.
            </Text>
            <SimpleGrid cols={2} spacing={4} maw={320} data-testid="recovery-codes">
              {recoveryCodes.map((c) => (
                <Code key={c} fz="sm">
                  {c}
                </Code>
              ))}
            </SimpleGrid>
            <Button size="xs" variant="light" mt="sm" onClick={() => setRecoveryCodes(null)}>
              I have saved them
            </Button>
          </Alert>
        ) : null}

        {!enabled && !enrolment ? (
          <Group>
            <Button onClick={() => start.mutate([])} loading={start.isPending}>
              Set up authenticator app
            </Button>
          </Group>
        ) : null}

        {enrolment ? (
          <Stack gap="sm">
            <List type="ordered" size="sm" spacing={4}>
              <List.Item>
                Scan this QR code with your authenticator app, or type the key shown below it.
              </List.Item>
              <List.Item>Enter the six-digit code the app shows.</List.Item>
            </List>
            <Image
              src={enrolment.qrCode}
              alt="QR code to add Custos to your authenticator app"
              w={180}
              h={180}
              fit="contain"
            />
            <Text size="xs">
              Key: <Code data-testid="totp-secret">{enrolment.secret}</Code>
            </Text>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                confirm.mutate([{ code }]);
              }}
            >
              <Group align="end">
                <TextInput
                  label="Code from the app"
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  w={180}
                  error={
                    fieldErrors(confirm.error, { code: 'The code' }).code ?? confirm.error?.message
                  }
                />
                <Button type="submit" loading={confirm.isPending}>
                  Turn on
                </Button>
              </Group>
            </form>
          </Stack>
        ) : null}

        {enabled ? (
          <Group>
            <Button
              variant="default"
              onClick={() => regenerate.mutate([])}
              loading={regenerate.isPending}
            >
              New recovery codes
            </Button>
            <Button
              variant="light"
              color="red"
              onClick={() => {
                // Password first (when the sign-in is not recent), then the code in the dialog.
                reauth.ensureRecent().then(
                  () => setTurningOff(true),
                  () => undefined,
                );
              }}
            >
              Turn off
            </Button>
          </Group>
        ) : null}
        <TurnOffMfaDialog opened={turningOff} onClose={() => setTurningOff(false)} />
        {(regenerate.error ?? start.error) ? (
          <Alert color="red" variant="light" role="alert">
            {(regenerate.error ?? start.error)?.message}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
