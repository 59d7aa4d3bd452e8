import { Button, Checkbox, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Assessment } from '../../../contracts/risk-assessments';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { FormFooter } from '../../components/FormFooter';
import { useOrgTime } from '../../components/useOrgTime';

interface Form {
  title: string;
  scope: string;
  method: string;
  startsOn: string;
  endsOn: string;
  fromBase: boolean;
}

/**
 * "New assessment": a form (title, scope, method, period) before anything is created. `base` is
 * the last approved assessment when no draft updates it yet: starting from it carries its scope,
 * method, participants and negligible pairs, and shows what changed since.
 */
export function NewAssessment({ orgId, base }: { orgId: string; base: Assessment | null }) {
  const navigate = useNavigate();
  const time = useOrgTime();
  const [opened, setOpened] = useState(false);
  const blank = (): Form => {
    const today = time.today();
    return {
      title: `Risk analysis ${today.slice(0, 4)}`,
      scope: '',
      method: '',
      startsOn: today,
      endsOn: '',
      fromBase: base !== null,
    };
  };
  const [form, setForm] = useState<Form>(blank);
  const create = useApiMutation(api.riskAssessments.create, {
    onSuccess: (a) => void navigate(`/risk-assessments/${a.id}`),
  });
  const errors = fieldErrors(create.error, {
    title: 'The title',
    startsOn: 'The start date',
    endsOn: 'The end date',
    basedOnId: 'The assessment to start from',
  });
  const inheriting = form.fromBase && base !== null;
  return (
    <>
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => {
          create.reset();
          setForm(blank());
          setOpened(true);
        }}
      >
        New assessment
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="New risk assessment" size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate([
              { orgId },
              {
                title: form.title,
                startsOn: form.startsOn || null,
                endsOn: form.endsOn || null,
                ...(form.scope.trim() ? { scope: form.scope } : {}),
                ...(form.method.trim() ? { method: form.method } : {}),
                ...(inheriting ? { basedOnId: base.id } : {}),
              },
            ]);
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Title"
              required
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
              error={errors.title}
            />
            {base ? (
              <Checkbox
                label={`Start from ${base.reference} ${base.title}: its scope, method, participants and negligible pairs, and the changes since`}
                checked={form.fromBase}
                onChange={(e) => setForm({ ...form, fromBase: e.currentTarget.checked })}
              />
            ) : null}
            <Textarea
              label="Scope"
              description={
                inheriting
                  ? `Leave empty to keep the scope of ${base.reference}.`
                  : 'Leave empty for all ePHI in every system, device, location and workflow.'
              }
              autosize
              minRows={2}
              value={form.scope}
              onChange={(e) => setForm({ ...form, scope: e.currentTarget.value })}
            />
            <Textarea
              label="Method"
              description={
                inheriting
                  ? `Leave empty to keep the method of ${base.reference}.`
                  : 'Leave empty for NIST SP 800-30 as SP 800-66 applies it.'
              }
              autosize
              minRows={2}
              value={form.method}
              onChange={(e) => setForm({ ...form, method: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label="Starts on"
                description={`Today in ${time.timeZone}`}
                type="date"
                value={form.startsOn}
                onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })}
                error={errors.startsOn}
              />
              <TextInput
                label="Ends on"
                description="Optional"
                type="date"
                value={form.endsOn}
                onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })}
                error={errors.endsOn}
              />
            </SimpleGrid>
            <FormFooter
              mutation={create}
              fieldErrors={errors}
              label="Create assessment"
              done="Created."
            />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
