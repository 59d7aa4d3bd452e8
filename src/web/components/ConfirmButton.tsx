import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * A button whose action cannot be taken back (an approval, a version put in effect): it asks
 * first, in a dialog that says what will happen, and acts only on the second click.
 */
export function ConfirmButton(
  props: ButtonProps & {
    children: ReactNode;
    /** The dialog's title, a question: "Approve version 2?" */
    question: string;
    /** What will happen, in a sentence or two. */
    consequence: ReactNode;
    /** The confirming button's words; the button's own by default. */
    confirm?: string;
    onConfirm: () => void;
  },
) {
  const { question, consequence, confirm, onConfirm, children, ...button } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={question}>
        <Stack gap="md">
          <Text size="sm">{consequence}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              {...(button.color ? { color: button.color } : {})}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirm ?? children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
