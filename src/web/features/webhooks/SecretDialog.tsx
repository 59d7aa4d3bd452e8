import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** The signing secret, shown once after creation or rotation, with a copy button. */
export function SecretDialog({
  secret,
  rotated,
  graceUntil,
  onClose,
}: {
  secret: string | null;
  rotated: boolean;
  /** When the previous secret stops signing, in words (after a rotation). */
  graceUntil: string | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={rotated ? 'New signing secret' : 'Signing secret'}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          Your receiver checks each delivery’s signature with this secret (Standard Webhooks). Copy
          it now: Custos keeps it encrypted and will not show it again.
        </Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        {rotated && graceUntil ? (
          <Alert variant="light" color="blue">
            Until {graceUntil}, deliveries carry a signature with the previous secret too, so your
            receiver keeps working while you replace it.
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
