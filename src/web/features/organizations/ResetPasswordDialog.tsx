import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { useReauth } from '../../app/reauth';
import { useOrgTime } from '../../components/useOrgTime';

interface Props {
  orgId: string;
  member: { id: string; name: string; email: string } | null;
  onClose: () => void;
}

/**
 * Issues a one-time reset link for a member (164.308(a)(5)(ii)(D)). Without SMTP the link is shown
 * here once, to hand over in person; Custos keeps only its hash. With SMTP it goes to the member.
 */
export function ResetPasswordDialog({ orgId, member, onClose }: Props) {
  const time = useOrgTime();
  const reauth = useReauth();
  const issue = useApiMutation(api.organizations.resetMemberPassword, { through: reauth.run });
  const issued = issue.data;
  const close = () => {
    issue.reset();
    onClose();
  };
  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={member ? `Reset the password of ${member.name}` : 'Reset a password'}
      size="lg"
    >
      {member && !issued ? (
        <Stack gap="sm">
          <Text size="sm">
            With this link {member.name} can choose a new password. It works once, for a day, and at
            their next sign-in {member.name} is told that you issued it.
          </Text>
          <Text size="sm">
            Use it when the member cannot reset their own password from the sign-in page. An earlier
            link you issued for them stops working.
          </Text>
          {issue.error ? (
            <Alert color="red" variant="light" role="alert">
              {issue.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={issue.isPending}
              onClick={() => issue.mutate([{ orgId, memberId: member.id }])}
            >
              Issue a reset link
            </Button>
          </Group>
        </Stack>
      ) : null}
      {member && issued?.link ? (
        <Stack gap="sm">
          <Alert color="red" variant="light" title="Hand this link over in person">
            Give it to {member.name} yourself, face to face or by phone after you recognise their
            voice. Do not email or message it: whoever holds it can take over the account. Custos
            shows it only now.
          </Alert>
          <Group gap="xs" align="end" wrap="nowrap">
            <TextInput
              label="One-time reset link"
              value={issued.link}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
            />
            <CopyButton value={issued.link}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  leftSection={
                    copied ? (
                      <IconCheck size={16} aria-hidden />
                    ) : (
                      <IconCopy size={16} aria-hidden />
                    )
                  }
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            It works once, until {time.dateTime(issued.expiresAt)}.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : null}
      {member && issued && !issued.link ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" title="Reset link emailed">
            Custos emailed {member.email} a link to choose a new password. It works once, until{' '}
            {time.dateTime(issued.expiresAt)}. The link went to {member.name} alone: you do not see
            it.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
