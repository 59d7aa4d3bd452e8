import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  ACCESS_REVIEW_RECURRENCES,
  ACCESS_REVIEW_RECURRENCE_LABELS,
  ACCESS_REVIEW_SOURCES,
  ACCESS_REVIEW_SOURCE_LABELS,
  type AccessReviewRecurrence,
  type AccessReviewSource,
} from '../../../contracts/access-reviews';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { MutationError } from '../../components/MutationError';
import { useMemberOptions } from '../organizations/useMemberOptions';

/** Starts a review of one system's accounts for a period, with the member who decides them. */
export function NewReviewDialog({ onClose }: { onClose: () => void }) {
  const org = useActiveOrg();
  const me = useMe().data;
  const navigate = useNavigate();
  const orgId = org?.orgId ?? '';
  const assets = useApiQuery(api.assets.list, orgId ? [{ orgId }, { limit: 200 }] : null);
  const reviewers = useMemberOptions({ activeOnly: true, able: 'access.review' });
  const [assetId, setAssetId] = useState<string | null>(null);
  const [reviewerId, setReviewerId] = useState<string | null>(me?.user.id ?? null);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [recurrence, setRecurrence] = useState<AccessReviewRecurrence>('quarterly');
  const [source, setSource] = useState<AccessReviewSource>('csv');
  const create = useApiMutation(api.accessReviews.create, {
    onSuccess: (review) => {
      void navigate(`/access-reviews/${review.id}`);
    },
  });
  return (
    <Modal opened onClose={onClose} title="New access review" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!assetId) return;
          create.mutate([
            { orgId },
            {
              assetId,
              ...(reviewerId ? { reviewerId } : {}),
              periodStart,
              periodEnd,
              dueOn,
              recurrence,
              source,
            },
          ]);
        }}
      >
        <Stack gap="sm">
          <Select
            label="System"
            description="The asset whose accounts are reviewed"
            required
            searchable
            data={(assets.data?.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.reference})`,
            }))}
            value={assetId}
            onChange={setAssetId}
          />
          <Select
            label="Reviewer"
            description="Decides each account, as themselves"
            required
            data={reviewers}
            value={reviewerId}
            onChange={setReviewerId}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput
              type="date"
              label="Period from"
              required
              value={periodStart}
              onChange={(e) => setPeriodStart(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="Period to"
              required
              value={periodEnd}
              onChange={(e) => setPeriodEnd(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="Due"
              required
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label="Repeats"
              allowDeselect={false}
              data={ACCESS_REVIEW_RECURRENCES.map((v) => ({
                value: v,
                label: ACCESS_REVIEW_RECURRENCE_LABELS[v],
              }))}
              value={recurrence}
              onChange={(v) => {
                const found = ACCESS_REVIEW_RECURRENCES.find((r) => r === v);
                if (found) setRecurrence(found);
              }}
            />
            <Select
              label="Accounts from"
              allowDeselect={false}
              data={ACCESS_REVIEW_SOURCES.map((v) => ({
                value: v,
                label: ACCESS_REVIEW_SOURCE_LABELS[v],
              }))}
              value={source}
              onChange={(v) => {
                const found = ACCESS_REVIEW_SOURCES.find((s) => s === v);
                if (found) setSource(found);
              }}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Accounts of people whose end date is before the period, and accounts that match nobody
            on the roster, are flagged. A repeating review starts again when its next period begins.
          </Text>
          <MutationError error={create.error} action="start the review" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!assetId}>
              Start the review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
