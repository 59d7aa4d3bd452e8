import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  type DocumentDetail,
  type DocumentKind,
} from '../../../contracts/documents';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { MutationError } from '../../components/MutationError';
import { useMemberOptions } from '../organizations/useMemberOptions';

const isKind = (value: string | null): value is DocumentKind =>
  DOCUMENT_KINDS.some((k) => k === value);

/**
 * "Edit details": a policy's owner, category, review interval and the requirements it addresses
 * (links from their safeguard records, so the policy shows on those pages and counts toward the
 * first week's "Adopt policies"). The kind belongs to each version's text (its hash): it changes
 * with the open draft, and waits for a new draft otherwise. Only for roles that may change it.
 */
export function DetailsDialog({ document: doc }: { document: DocumentDetail }) {
  const org = useActiveOrg();
  const [open, setOpen] = useState(false);
  if (!org || !can(org.role, api.documents.update)) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Edit details
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Policy details" size="lg">
        {open ? (
          <DetailsForm orgId={org.orgId} document={doc} onDone={() => setOpen(false)} />
        ) : null}
      </Modal>
    </>
  );
}

function DetailsForm(props: { orgId: string; document: DocumentDetail; onDone: () => void }) {
  const doc = props.document;
  const draft = doc.openDraft?.status === 'draft' ? doc.openDraft : null;
  const [ownerId, setOwnerId] = useState<string | null>(doc.owner?.id ?? null);
  const [kind, setKind] = useState<DocumentKind>(doc.kind);
  const [category, setCategory] = useState(doc.category);
  const [reviewMonths, setReviewMonths] = useState<string | number>(doc.reviewMonths);
  const [requirements, setRequirements] = useState<string[]>(doc.requirements);
  const owners = useMemberOptions({
    activeOnly: true,
    able: 'documents.manage',
    current: doc.owner,
  });
  // The catalog changes only with a release.
  const catalog = useApiQuery(api.catalog.requirements, [], { staleTime: Infinity }).data?.data;
  const update = useApiMutation(api.documents.update);
  const changeKind = useApiMutation(api.documents.changeVersion);
  const errors = fieldErrors(update.error, {
    ownerId: 'The owner',
    category: 'The category',
    reviewMonths: 'The review interval',
  });
  const requirementError = Object.entries(errors).find(([k]) => k.startsWith('requirements'));
  const options = (catalog ?? []).map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }));
  const save = async () => {
    await update.mutateAsync([
      { orgId: props.orgId, documentId: doc.id },
      {
        ownerId,
        category: category.trim(),
        reviewMonths: typeof reviewMonths === 'number' ? reviewMonths : Number(reviewMonths),
        requirements,
      },
    ]);
    if (draft && kind !== doc.kind) {
      await changeKind.mutateAsync([
        { orgId: props.orgId, documentId: doc.id, versionId: draft.id },
        { kind },
      ]);
    }
    props.onDone();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        // The refusal shows in the form (MutationError, the fields' errors).
        save().catch(() => undefined);
      }}
    >
      <Stack gap="sm">
        <Select
          label="Owner"
          description="Keeps the policy and is reminded of its reviews; none means the Security Official."
          placeholder="The Security Official"
          clearable
          searchable
          data={owners}
          value={ownerId}
          onChange={setOwnerId}
          error={errors.ownerId}
        />
        <Select
          label="Kind"
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
          value={kind}
          onChange={(value) => {
            if (isKind(value)) setKind(value);
          }}
          allowDeselect={false}
          disabled={draft === null}
          description={
            draft
              ? `Changes draft version ${draft.number}: the kind is part of each version's text.`
              : "The kind is part of each version's text: it changes in a new draft."
          }
        />
        <TextInput
          label="Category"
          placeholder="Administrative safeguards"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
          error={errors.category}
        />
        <NumberInput
          label="Review every (months)"
          min={1}
          max={60}
          allowDecimal={false}
          value={reviewMonths}
          onChange={setReviewMonths}
          error={errors.reviewMonths}
        />
        <MultiSelect
          label="Requirements addressed"
          description="The policy shows on each requirement's safeguard page and counts toward its coverage."
          placeholder={requirements.length === 0 ? 'Type a citation or a title' : undefined}
          searchable
          clearable
          data={options}
          value={requirements}
          onChange={setRequirements}
          nothingFoundMessage={catalog ? 'No requirement matches' : 'Loading the catalog…'}
          error={requirementError?.[1]}
          maxDropdownHeight={280}
        />
        {Object.keys(errors).length === 0 ? (
          <MutationError error={update.error} action="save the details" />
        ) : null}
        <MutationError error={changeKind.error} action="change the kind" />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending || changeKind.isPending}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
