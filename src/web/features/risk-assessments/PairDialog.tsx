import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { Candidate } from '../../../contracts/risk-assessments';
import type { RiskMatrix } from '../../../contracts/risk-library';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { FormFooter } from '../../components/FormFooter';

type Mode = 'risk' | 'negligible';

/**
 * One guided pair (an asset × a threat): add the risk, choosing its vulnerability and rating it
 * here, or record that it was considered and judged negligible, with the reason the report prints.
 */
export function PairDialog(props: {
  orgId: string;
  assessmentId: string;
  pair: Candidate;
  matrix: RiskMatrix;
  onClose: () => void;
}) {
  const { pair, matrix, orgId } = props;
  const [mode, setMode] = useState<Mode>('risk');
  const [vulnerabilityId, setVulnerabilityId] = useState<string | null>(
    pair.vulnerabilities[0]?.id ?? null,
  );
  const [likelihood, setLikelihood] = useState<string | null>(null);
  const [impact, setImpact] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [reason, setReason] = useState(pair.negligible?.reason ?? '');
  const addRisk = useApiMutation(api.risks.create, { onSuccess: props.onClose });
  const judge = useApiMutation(api.riskAssessments.judgeNegligible, { onSuccess: props.onClose });
  const riskErrors = fieldErrors(addRisk.error, {
    likelihood: 'The likelihood',
    impact: 'The impact',
    ratingRationale: 'The rationale',
  });
  const judgeErrors = fieldErrors(judge.error, { reason: 'The reason' });
  const scale = (labels: readonly string[]) =>
    labels.map((label, i) => ({ value: String(i), label }));
  const index = (value: string | null) => (value === null ? null : Number(value));
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={`${pair.asset.reference} ${pair.asset.name} × ${pair.threat.title}`}
    >
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value === 'negligible' ? 'negligible' : 'risk')}
          data={[
            { value: 'risk', label: 'Add a risk' },
            { value: 'negligible', label: 'Judge negligible' },
          ]}
        />
        {mode === 'risk' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              addRisk.mutate([
                { orgId },
                {
                  title: `${pair.threat.title}: ${pair.asset.name}`,
                  assetIds: [pair.asset.id],
                  threatId: pair.threat.id,
                  vulnerabilityId,
                  likelihood: index(likelihood),
                  impact: index(impact),
                  ...(rationale.trim() ? { ratingRationale: rationale } : {}),
                },
              ]);
            }}
          >
            <Stack gap="sm">
              <Select
                label="Vulnerability"
                description="The weakness this threat would exploit here"
                data={pair.vulnerabilities.map((v) => ({ value: v.id, label: v.title }))}
                value={vulnerabilityId}
                onChange={setVulnerabilityId}
                placeholder={pair.vulnerabilities.length ? 'Choose one' : 'None proposed'}
                clearable
              />
              <Group grow align="start">
                <Select
                  label="Likelihood"
                  data={scale(matrix.likelihood)}
                  value={likelihood}
                  onChange={setLikelihood}
                  placeholder="Not rated yet"
                  clearable
                  error={riskErrors.likelihood}
                />
                <Select
                  label="Impact"
                  data={scale(matrix.impact)}
                  value={impact}
                  onChange={setImpact}
                  placeholder="Not rated yet"
                  clearable
                  error={riskErrors.impact}
                />
              </Group>
              <Textarea
                label="Why this rating"
                autosize
                minRows={2}
                value={rationale}
                onChange={(e) => setRationale(e.currentTarget.value)}
                error={riskErrors.ratingRationale}
              />
              <FormFooter
                mutation={addRisk}
                fieldErrors={riskErrors}
                label="Add risk"
                done="Added."
              />
            </Stack>
          </form>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              judge.mutate([
                { orgId, assessmentId: props.assessmentId },
                { assetId: pair.asset.id, threatId: pair.threat.id, reason },
              ]);
            }}
          >
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                The pair counts as covered; the report lists it with your reason, so a reader sees
                it was considered.
              </Text>
              <Textarea
                label="Reason"
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={judgeErrors.reason}
              />
              <FormFooter
                mutation={judge}
                fieldErrors={judgeErrors}
                label="Judge negligible"
                done="Recorded."
              />
            </Stack>
          </form>
        )}
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
