import { Alert, Checkbox, List, Stack, Text } from '@mantine/core';
import { gapPhrases, type Gaps } from '../../../contracts/risk-assessment-gaps';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';

/** What was left incomplete, as recorded with a step (or null when nothing was). */
export function GapList({ gaps }: { gaps: Gaps }) {
  return (
    <List size="sm" spacing={2}>
      {gapPhrases(gaps).map((phrase) => (
        <List.Item key={phrase}>{phrase}</List.Item>
      ))}
    </List>
  );
}

/**
 * Before submitting or approving: what is still incomplete, and the acknowledgement the step
 * needs when anything is (the server refuses the step without it).
 */
export function GapsPanel(props: {
  orgId: string;
  assessmentId: string;
  step: 'submit' | 'approve';
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}) {
  const query = useApiQuery(api.riskAssessments.gaps, [
    { orgId: props.orgId, assessmentId: props.assessmentId },
  ]);
  if (query.isError) return <ErrorNotice error={query.error} />;
  const gaps = query.data;
  if (!gaps) return null;
  if (gapPhrases(gaps).length === 0) {
    return (
      <Text size="sm" c="teal.9">
        Nothing is incomplete: every open risk is rated and has a treatment and an owner, every
        guided pair is covered or judged negligible, and every asset with ePHI is named by a risk.
      </Text>
    );
  }
  return (
    <Alert color="yellow" variant="light">
      <Stack gap="xs">
        <Text fw={700} size="sm">
          This assessment is incomplete
        </Text>
        <GapList gaps={gaps} />
        <Checkbox
          checked={props.acknowledged}
          onChange={(e) => props.onAcknowledge(e.currentTarget.checked)}
          label={
            props.step === 'submit'
              ? 'I submit it as it is, knowing what is incomplete (recorded with the submission)'
              : 'I approve it as it is, knowing what is incomplete (recorded with the approval and printed in the report)'
          }
        />
      </Stack>
    </Alert>
  );
}

/** Whether the gaps query says there is nothing to acknowledge. */
export function useNothingToAcknowledge(orgId: string | undefined, assessmentId: string): boolean {
  const query = useApiQuery(
    api.riskAssessments.gaps,
    orgId && assessmentId ? [{ orgId, assessmentId }] : null,
  );
  return query.data !== undefined && gapPhrases(query.data).length === 0;
}
