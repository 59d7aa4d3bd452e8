import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RetainedRecord } from '../../../contracts/retention';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';

/** Places a legal hold on a record, or releases the one on it; both ask why. */
export function HoldDialog(props: {
  orgId: string;
  record: RetainedRecord | null;
  onClose: () => void;
}) {
  const { orgId, record, onClose } = props;
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    place.reset();
    release.reset();
    onClose();
  };
  const place = useApiMutation(api.retention.placeHold, { onSuccess: close });
  const release = useApiMutation(api.retention.releaseHold, { onSuccess: close });
  const hold = record?.hold ?? null;
  const mutation = hold ? release : place;
  const errors = fieldErrors(mutation.error, { reason: 'The reason' });
  return (
    <Modal
      opened={record !== null}
      onClose={close}
      title={hold ? `Release legal hold ${hold.reference}` : 'Place a legal hold'}
    >
      {record ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (hold) {
              release.mutate([{ orgId, holdId: hold.id }, { reason }]);
            } else {
              place.mutate([
                { orgId },
                { recordType: record.recordType, recordId: record.recordId, reason },
              ]);
            }
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {hold
                ? `${record.label} can be deleted again once its retention period has passed.`
                : `${record.label} cannot be deleted while the hold is in place, whatever its retention date.`}
            </Text>
            {mutation.isError && !errors.reason ? <MutationError error={mutation.error} /> : null}
            <Textarea
              label={hold ? 'Why the hold ends' : 'Why it is held'}
              description={
                hold ? undefined : 'For example the complaint, audit or lawsuit it is kept for.'
              }
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending} color={hold ? 'blue' : 'red'}>
                {hold ? 'Release the hold' : 'Place the hold'}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
