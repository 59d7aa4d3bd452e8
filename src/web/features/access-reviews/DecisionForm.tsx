import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  ACCESS_DECISIONS,
  ACCESS_DECISION_LABELS,
  type AccessDecision,
  type AccessReviewItem,
} from '../../../contracts/access-reviews';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';

/** The reviewer's decision on one account: keep, modify or revoke, and why. */
export function DecisionForm(props: { orgId: string; reviewId: string; item: AccessReviewItem }) {
  const { item } = props;
  const [decision, setDecision] = useState<AccessDecision | null>(item.decision);
  const [comment, setComment] = useState(item.comment);
  const decide = useApiMutation(api.accessReviews.decide);
  const changed = decision !== item.decision || comment !== item.comment;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!decision) return;
        decide.mutate([
          { orgId: props.orgId, accessReviewId: props.reviewId, accessItemId: item.id },
          { decision, comment },
        ]);
      }}
    >
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Select
            aria-label={`Decision for ${item.account}`}
            placeholder="Decide"
            size="xs"
            w={110}
            data={ACCESS_DECISIONS.map((d) => ({ value: d, label: ACCESS_DECISION_LABELS[d] }))}
            value={decision}
            onChange={(v) => setDecision(ACCESS_DECISIONS.find((d) => d === v) ?? null)}
          />
          <TextInput
            aria-label={`Comment for ${item.account}`}
            placeholder={
              decision === 'keep' && item.flags.length === 0 ? 'Comment (optional)' : 'Why'
            }
            size="xs"
            miw={140}
            style={{ flex: 1 }}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Button
            type="submit"
            size="xs"
            variant={changed ? 'filled' : 'default'}
            disabled={!decision || !changed}
            loading={decide.isPending}
            aria-label={`Save the decision for ${item.account}`}
          >
            Save
          </Button>
        </Group>
        <MutationError error={decide.error} action="record the decision" />
      </Stack>
    </form>
  );
}
