import { Button, Group, Stack, Text } from '@mantine/core';
import type { DocumentDetail, Version } from '../../../contracts/documents';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { can, useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ConfirmButton } from '../../components/ConfirmButton';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/** "A, B or C" */
const either = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;

/**
 * What may be done with a version that is no draft: approve or return it (in review), retire it,
 * start a new draft from it. Approve shows only to those the server names as its approvers:
 * 164.316(a) and design.md §6.2, who approved is who acted, and not who submitted it while
 * another may. A refusal shows here, beside the buttons.
 */
export function VersionActions({
  document: doc,
  version: v,
}: {
  document: DocumentDetail;
  version: Version;
}) {
  const org = useActiveOrg();
  const me = useMe().data;
  const time = useOrgTime();
  const orgId = org?.orgId ?? '';
  const params = { orgId, documentId: doc.id, versionId: v.id };
  const approve = useApiMutation(api.documents.approve);
  const back = useApiMutation(api.documents.return);
  const retire = useApiMutation(api.documents.retire);
  const start = useApiMutation(api.documents.newVersion);
  const may = (call: Parameters<typeof can>[1]) => can(org?.role, call);
  const mayApprove = v.approvers.some((p) => p.id === me?.user.id);
  const failed = [
    { m: approve, act: 'approve' },
    { m: back, act: 'return it for changes' },
    { m: retire, act: 'retire it' },
    { m: start, act: 'start a new draft' },
  ].find((f) => f.m.isError);
  const buttons = [
    v.status === 'in_review' && may(api.documents.approve) && mayApprove ? (
      <ConfirmButton
        key="approve"
        loading={approve.isPending}
        question={`Approve version ${v.number}?`}
        consequence={`Once approved, version ${v.number} cannot change, and you are recorded as its approver. A change after that is a new version.`}
        onConfirm={() => approve.mutate([params, {}])}
      >
        Approve
      </ConfirmButton>
    ) : null,
    v.status === 'in_review' && may(api.documents.return) ? (
      <Button
        key="return"
        variant="default"
        loading={back.isPending}
        onClick={() => back.mutate([params])}
      >
        Return for changes
      </Button>
    ) : null,
    ['approved', 'in_effect'].includes(v.status) && may(api.documents.retire) ? (
      <ConfirmButton
        key="retire"
        variant="default"
        color="red"
        loading={retire.isPending}
        question={`Retire version ${v.number}?`}
        consequence={`Version ${v.number} will no longer apply and nobody is asked to acknowledge it any more. It is kept, with its acknowledgements, for as long as the retention register says.`}
        onConfirm={() => retire.mutate([params])}
      >
        Retire
      </ConfirmButton>
    ) : null,
    !['draft', 'in_review'].includes(v.status) &&
    !doc.openDraft &&
    may(api.documents.newVersion) ? (
      <Button
        key="new"
        variant="default"
        loading={start.isPending}
        onClick={() => start.mutate([{ orgId, documentId: doc.id }, { fromVersionId: v.id }])}
      >
        Edit (new draft from this version)
      </Button>
    ) : null,
  ].filter((b) => b !== null);
  return (
    <Stack gap="xs">
      {v.status === 'in_review' ? (
        <Text size="sm" role="status">
          Submitted
          {v.submittedBy
            ? ` by ${v.submittedBy.id === me?.user.id ? 'you' : v.submittedBy.name}`
            : ''}
          {v.submittedAt ? ` on ${time.day(v.submittedAt)}` : ''}.{' '}
          {mayApprove
            ? 'You may approve it.'
            : v.approvers.length > 0
              ? `${either(v.approvers.map((p) => p.name))} may approve it${
                  v.submittedBy?.id === me?.user.id
                    ? ': someone other than who submitted it approves (four eyes)'
                    : ''
                }.`
              : 'Nobody may approve it now: an owner, an administrator or an official approves.'}
        </Text>
      ) : null}
      {buttons.length > 0 ? (
        <Group gap="xs" wrap="wrap">
          {buttons}
        </Group>
      ) : null}
      {failed ? <MutationError error={failed.m.error} action={failed.act} /> : null}
    </Stack>
  );
}
