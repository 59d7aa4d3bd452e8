import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocumentDetail, VersionSummary } from '../../../contracts/documents';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/**
 * Puts an approved version in effect, today or on an earlier day it already applied from (a
 * policy adopted at a meeting last week): not in the future, not before its approval. The server
 * says the same and its refusal shows in the dialog.
 */
export function PutInEffect({
  document: doc,
  version: v,
}: {
  document: DocumentDetail;
  version: VersionSummary;
}) {
  const org = useActiveOrg();
  const time = useOrgTime();
  const today = time.today();
  const [open, setOpen] = useState(false);
  const [effectiveOn, setEffectiveOn] = useState(today);
  const effect = useApiMutation(api.documents.putInEffect, { onSuccess: () => setOpen(false) });
  const params = { orgId: org?.orgId ?? '', documentId: doc.id, versionId: v.id };
  const when = effectiveOn === today ? 'today' : `on ${formatDate(effectiveOn)}`;
  return (
    <>
      <Button
        onClick={() => {
          effect.reset();
          setEffectiveOn(today);
          setOpen(true);
        }}
      >
        Put in effect…
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`Put version ${v.number} in effect?`}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            effect.mutate([params, { effectiveOn }]);
          }}
        >
          <Stack gap="md">
            <TextInput
              label="In effect from"
              description="Today, or an earlier day since its approval from which it already applied."
              type="date"
              required
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.currentTarget.value)}
            />
            <Text size="sm">
              {doc.inEffect
                ? `Version ${v.number} will apply from ${when} and version ${doc.inEffect.number} will be superseded. You can then ask people to acknowledge it.`
                : `Version ${v.number} will apply from ${when}. You can then ask people to acknowledge it.`}
            </Text>
            <MutationError error={effect.error} action="put it in effect" />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={effect.isPending}>
                Put in effect
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
