import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { acceptancePending, type Risk } from '../../../contracts/risks';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';

/**
 * The acceptance of a risk whose treatment is "accept": who accepted it and until when, or that
 * it awaits an approver. Who approved is who acted: an owner, admin or security official accepts
 * here with their own request and is recorded as the approver; nobody names another.
 */
export function RiskAcceptance(props: {
  risk: Risk | null;
  onTreatment: (treatment: 'accept' | null) => void;
}) {
  const org = useActiveOrg();
  const { risk } = props;
  const canApprove = can(org?.role, api.risks.accept);
  const [expiresOn, setExpiresOn] = useState(risk?.acceptance?.expiresOn ?? '');
  const params = { orgId: org?.orgId ?? '', riskId: risk?.id ?? '' };
  const accept = useApiMutation(api.risks.accept, {
    onSuccess: () => props.onTreatment('accept'),
  });
  const withdraw = useApiMutation(api.risks.withdrawAcceptance, {
    onSuccess: () => props.onTreatment(null),
  });
  const errors = fieldErrors(accept.error, { expiresOn: 'The expiry date' });
  const saved = risk?.treatment === 'accept';
  const pending = risk !== null && acceptancePending(risk);
  const failure = withdraw.error ?? (Object.keys(errors).length === 0 ? accept.error : null);

  return (
    <Stack gap="xs">
      {risk?.acceptance && saved ? (
        <Alert color="teal" variant="light">
          <Text fw={700} size="sm">
            Accepted by {risk.acceptance.approver.name} on {formatDate(risk.acceptance.acceptedOn)}{' '}
            until {formatDate(risk.acceptance.expiresOn)}.
          </Text>
        </Alert>
      ) : pending ? (
        <Alert color="yellow" variant="light">
          <Text fw={700} size="sm">
            Acceptance pending approval
          </Text>
          <Text size="sm">
            An owner, admin or security official accepts this risk with an expiry date; a task asks
            them to. Until then it is not accepted.
          </Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {canApprove && risk
            ? 'Accept the risk below, or save to ask an approver.'
            : 'Saving asks an owner, admin or security official to accept this risk.'}
        </Text>
      )}
      {canApprove && risk ? (
        <Group align="end">
          <TextInput
            label="Acceptance expires on"
            type="date"
            withAsterisk
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresOn}
          />
          <Button
            type="button"
            disabled={!expiresOn}
            loading={accept.isPending}
            onClick={() => accept.mutate([params, { expiresOn }])}
          >
            {risk.acceptance && saved ? 'Renew acceptance' : 'Accept risk'}
          </Button>
          {saved ? (
            <Button
              type="button"
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate([params])}
            >
              {pending ? 'Decline' : 'Withdraw acceptance'}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {canApprove && risk ? (
        <Text size="xs" c="dimmed">
          You are recorded as the approver, with today&apos;s date.
        </Text>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {failure.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
