import { TONE } from './tones';
import { Alert, Button, Group, Text } from '@mantine/core';

/**
 * The end of a program form: the server's message when it names no field, the submit button,
 * and a status line once saved.
 */
export function FormFooter(props: {
  mutation: { error: Error | null; isPending: boolean; isSuccess: boolean };
  fieldErrors: Record<string, string>;
  label: string;
  done: string;
  editable?: boolean;
  disabled?: boolean;
}) {
  const { mutation } = props;
  return (
    <>
      {mutation.error && Object.keys(props.fieldErrors).length === 0 ? (
        <Alert color="red" variant="light" role="alert">
          {mutation.error.message}
        </Alert>
      ) : null}
      {props.editable === false ? null : (
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={props.disabled ?? false}>
            {props.label}
          </Button>
          {mutation.isSuccess ? (
            <Text size="sm" c={TONE.success} role="status">
              {props.done}
            </Text>
          ) : null}
        </Group>
      )}
    </>
  );
}
