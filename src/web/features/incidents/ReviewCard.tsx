import { Button, Card, Group, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Incident } from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/**
 * The post-incident review: root cause, what worked, lessons; corrective actions (one a line)
 * become tasks and risks to re-rate are linked. A real incident closes only once it is recorded.
 */
export function ReviewCard({
  orgId,
  incident,
  manages,
}: {
  orgId: string;
  incident: Incident;
  manages: boolean;
}) {
  const org = useActiveOrg();
  const time = useOrgTime();
  const review = incident.review;
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    rootCause: review?.rootCause ?? '',
    whatWorked: review?.whatWorked ?? '',
    lessons: review?.lessons ?? '',
    actions: '',
    riskIds: [] as string[],
  });
  const readsRisks = org !== undefined && can(org.role, api.risks.list);
  const risks = useApiQuery(api.risks.list, open && readsRisks ? [{ orgId }, {}] : null);
  const save = useApiMutation(api.incidents.review, { onSuccess: () => setOpen(false) });
  const errors = fieldErrors(save.error, {
    rootCause: 'The root cause',
    lessons: 'The lessons',
    whatWorked: 'What worked',
  });
  const reviewable = !['reported', 'not_an_incident'].includes(incident.status);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Post-incident review
        </Title>
        {manages && reviewable && !open ? (
          <Button size="xs" variant={review ? 'default' : 'filled'} onClick={() => setOpen(true)}>
            {review ? 'Change the review' : 'Record the review'}
          </Button>
        ) : null}
      </Group>
      {review && !open ? (
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            Recorded {time.dateTime(review.reviewedAt)}
            {review.reviewedBy ? ` by ${review.reviewedBy.name}` : ''}
          </Text>
          <Text size="sm">
            <b>Root cause:</b> {review.rootCause}
          </Text>
          {review.whatWorked ? (
            <Text size="sm">
              <b>What worked:</b> {review.whatWorked}
            </Text>
          ) : null}
          <Text size="sm">
            <b>Lessons:</b> {review.lessons}
          </Text>
        </Stack>
      ) : null}
      {!review && !open ? (
        <Text size="sm" c="dimmed">
          {reviewable
            ? 'Not recorded yet: an incident closes once its review is recorded.'
            : 'Recorded once the response has started.'}
        </Text>
      ) : null}
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const actions = form.actions
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== '')
              .map((title) => ({ title }));
            save.mutate([
              { orgId, incidentId: incident.id },
              {
                rootCause: form.rootCause,
                whatWorked: form.whatWorked,
                lessons: form.lessons,
                correctiveActions: actions,
                riskIds: form.riskIds,
              },
            ]);
          }}
        >
          <Stack gap="sm">
            <Textarea
              label="Root cause"
              required
              autosize
              minRows={2}
              value={form.rootCause}
              onChange={(e) => setForm({ ...form, rootCause: e.currentTarget.value })}
              error={errors.rootCause}
            />
            <Textarea
              label="What worked"
              autosize
              minRows={2}
              value={form.whatWorked}
              onChange={(e) => setForm({ ...form, whatWorked: e.currentTarget.value })}
              error={errors.whatWorked}
            />
            <Textarea
              label="Lessons learned"
              required
              autosize
              minRows={2}
              value={form.lessons}
              onChange={(e) => setForm({ ...form, lessons: e.currentTarget.value })}
              error={errors.lessons}
            />
            <Textarea
              label="Corrective actions"
              description="One a line: each becomes a task linked to this incident"
              autosize
              minRows={2}
              value={form.actions}
              onChange={(e) => setForm({ ...form, actions: e.currentTarget.value })}
            />
            {readsRisks ? (
              <MultiSelect
                label="Risks to re-rate"
                searchable
                data={(risks.data?.data ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.reference} ${r.title}`,
                }))}
                value={form.riskIds}
                onChange={(v) => setForm({ ...form, riskIds: v })}
              />
            ) : null}
            <MutationError error={save.error} action="record the review" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save the review
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
