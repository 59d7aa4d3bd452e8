import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../api/client';
import { MutationError } from '../../components/MutationError';
import { zonedToIso } from './local-time';

export interface ProblemFields {
  title: string;
  whatHappened: string;
  occurredAt?: string;
  system?: string;
  contact?: string;
}

/** The few questions of a report: what, what happened, when, which device; a contact if anonymous. */
export function ProblemForm(props: {
  timeZone: string;
  askContact?: boolean;
  pending: boolean;
  error: Error | null;
  onSubmit: (fields: ProblemFields) => void;
  resetKey?: number;
}) {
  const [form, setForm] = useState({
    title: '',
    whatHappened: '',
    when: '',
    system: '',
    contact: '',
  });
  const errors = fieldErrors(props.error, {
    title: 'What went wrong',
    whatHappened: 'What happened',
    occurredAt: 'When',
    system: 'The device or system',
    contact: 'How to reach you',
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const occurredAt = zonedToIso(form.when, props.timeZone);
        props.onSubmit({
          title: form.title,
          whatHappened: form.whatHappened,
          ...(occurredAt ? { occurredAt } : {}),
          ...(form.system.trim() ? { system: form.system } : {}),
          ...(props.askContact && form.contact.trim() ? { contact: form.contact } : {}),
        });
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="What went wrong, in a few words"
          placeholder="Lost my work laptop"
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label="What happened"
          description="Where, who else knows, what you already did. No patient details are needed."
          required
          autosize
          minRows={3}
          value={form.whatHappened}
          onChange={(e) => setForm({ ...form, whatHappened: e.currentTarget.value })}
          error={errors.whatHappened}
        />
        <TextInput
          type="datetime-local"
          label="When, if you know"
          value={form.when}
          onChange={(e) => setForm({ ...form, when: e.currentTarget.value })}
          error={errors.occurredAt}
        />
        <TextInput
          label="Device or system, if any"
          placeholder="Front desk PC 2, the EHR, my phone"
          value={form.system}
          onChange={(e) => setForm({ ...form, system: e.currentTarget.value })}
          error={errors.system}
        />
        {props.askContact ? (
          <TextInput
            label="How to reach you (optional)"
            description="Leave it empty to stay anonymous."
            value={form.contact}
            onChange={(e) => setForm({ ...form, contact: e.currentTarget.value })}
            error={errors.contact}
          />
        ) : null}
        <MutationError error={props.error} action="send the report" />
        <Group justify="flex-end">
          <Button type="submit" loading={props.pending}>
            Send the report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
